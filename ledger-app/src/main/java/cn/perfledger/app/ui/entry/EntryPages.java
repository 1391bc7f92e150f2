package cn.perfledger.app.ui.entry;

import java.util.List;

/** A source of entry pages (one per area of the ledger); the entry home lists them in {@code @Order}. */
public interface EntryPages {

    List<EntryPage> pages();
}
