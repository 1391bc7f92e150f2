package cn.perfledger.app.readmodel;

import cn.perfledger.app.integrity.IntegrityAnchor.StoreAnchored;
import cn.perfledger.app.readmodel.figures.YearFiguresReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a store from before the keyed chain is anchored, its read-model rows carry no row MAC and would all be
 * answered from replays and reported as unverified: rebuild both read models once, from the anchored events.
 */
@Component
public class ReadModelsOnAnchor {

    private static final Logger log = LoggerFactory.getLogger(ReadModelsOnAnchor.class);

    private final DirectoryQueries directory;
    private final YearFiguresReadModel yearFigures;

    public ReadModelsOnAnchor(DirectoryQueries directory, YearFiguresReadModel yearFigures) {
        this.directory = directory;
        this.yearFigures = yearFigures;
    }

    @EventListener
    void rebuild(StoreAnchored anchored) {
        log.warn("Read models are rebuilt from the events after anchoring {} legacy stream(s)", anchored.legacyStreams());
        directory.rebuild();
        yearFigures.rebuild();
    }
}
