package cn.perfledger.app.integrity;

import java.util.Optional;

/** Finds the link an appended event chains to when neither its unit of work nor the head cache knows it. */
@FunctionalInterface
public interface PredecessorLookup {

    /**
     * The link of the stored event {@code aggregateIdentifier}/{@code sequenceNumber}: its {@code chainHash}, or its
     * anchor if it is unchained ({@link ChainHash}); empty if the store has no such event.
     */
    Optional<String> linkOf(String aggregateIdentifier, long sequenceNumber);
}
