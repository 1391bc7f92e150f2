package cn.perfledger.app.ui.entry;

import java.util.List;

/**
 * One page of the clerk's entry (录入): a job (e.g. 支出凭证与冲销), its forms, and the event types its list of recent
 * records shows.
 */
public record EntryPage(String slug, String title, String intro, List<EntryForm> forms, List<String> recentTypes) {

    public EntryPage {
        forms = List.copyOf(forms);
        recentTypes = List.copyOf(recentTypes);
    }

    public EntryForm form(String id) {
        return forms.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }
}
