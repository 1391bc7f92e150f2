package cn.perfledger.app.integrity;

import cn.perfledger.app.eventstore.StoredEvent;
import cn.perfledger.app.integrity.IntegrityReport.ChainBreak;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The chain checked over events that go by in global order — a backup being written, or a backup file being
 * restored — one {@link StreamWalk} per stream, finished against the streams' keyed heads.
 */
@Service
public class ExportIntegrity {

    private final StreamHeads heads;
    private final IntegritySeals seals;
    private final IntegrityKeys keys;
    private final IntegrityAnchor anchor;

    public ExportIntegrity(StreamHeads heads, IntegritySeals seals, IntegrityKeys keys, IntegrityAnchor anchor) {
        this.heads = heads;
        this.seals = seals;
        this.keys = keys;
        this.anchor = anchor;
    }

    /** What a check found: the status, the heads to write into a file header, and each stream's end. */
    public record Result(IntegrityStatus status, List<Map<String, Object>> heads, Map<String, StreamEnd> ends,
            List<ChainBreak> problems) {
    }

    /** Where a stream ended, and its legacy prefix (−1: none). */
    public record StreamEnd(long lastSequence, String lastLink, long legacyUpTo) {
    }

    /** A check of the stored streams {@code streams} (null: the whole store) against their stored heads. */
    public Check start(List<String> streams) {
        anchor.ensureAnchored();
        Map<String, StreamHeads.Head> known = new LinkedHashMap<>();
        if (streams == null) {
            known.putAll(heads.all());
        } else {
            streams.forEach(s -> heads.find(s).ifPresent(h -> known.put(s, h)));
        }
        return new Check(known, streams, true);
    }

    /**
     * A check of a backup file's events: their heads are those the file's header carries (MACs under this
     * installation's keys), and unkeyed events pass only when {@code acceptLegacy}.
     */
    public Check startFile(Map<String, StreamHeads.Head> fileHeads, boolean acceptLegacy) {
        return new Check(fileHeads, null, acceptLegacy) {
            @Override
            long legacyUpTo(StreamHeads.Head head) {
                return acceptLegacy ? StreamWalk.ACCEPT_ALL_LEGACY : -1;
            }
        };
    }

    /** Feeds rows in any interleaving of streams (each stream in sequence order). */
    public class Check {
        private final Map<String, StreamHeads.Head> known;
        private final List<String> scope;
        private final boolean stored;
        private final Map<String, StreamWalk> walks = new LinkedHashMap<>();

        Check(Map<String, StreamHeads.Head> known, List<String> scope, boolean stored) {
            this.known = known;
            this.scope = scope;
            this.stored = stored;
        }

        long legacyUpTo(StreamHeads.Head head) {
            Long legacy = heads.legacyUpTo(head);
            return legacy == null ? -1 : legacy;
        }

        public void accept(StoredEvent row) {
            acceptRow(row);
        }

        /** Checks the row; true when it carries a keyed chain hash. */
        public boolean acceptRow(StoredEvent row) {
            return walks.computeIfAbsent(row.aggregateIdentifier(), this::walk).accept(row).keyed();
        }

        private StreamWalk walk(String aggregateId) {
            StreamHeads.Head head = known.get(aggregateId);
            StreamWalk walk = new StreamWalk(aggregateId, keys, legacyUpTo(head), -1);
            if (head != null) {
                walk.noteLinkAt(head.sequenceNumber());
            }
            return walk;
        }

        public Result finish() {
            List<String> names = new ArrayList<>(walks.keySet());
            if (scope != null) {
                scope.stream().filter(s -> !walks.containsKey(s) && known.containsKey(s)).forEach(names::add);
            } else {
                known.keySet().stream().filter(s -> !walks.containsKey(s)).forEach(names::add);
            }
            List<IntegrityStatus.Problem> problems = new ArrayList<>();
            List<ChainBreak> breaks = new ArrayList<>();
            List<Map<String, Object>> headList = new ArrayList<>();
            Map<String, StreamEnd> ends = new LinkedHashMap<>();
            long legacy = 0;
            for (String name : names) {
                StreamWalk walk = walks.computeIfAbsent(name, this::walk);
                StreamHeads.Head head = known.get(name);
                walk.finish(heads, head, stored ? seals.sealedHead(name).orElse(null) : null);
                for (ChainBreak problem : walk.problems()) {
                    problems.add(IntegrityStatus.Problem.of(problem, name));
                    breaks.add(problem);
                }
                legacy += walk.legacyEvents();
                ends.put(name, new StreamEnd(walk.lastSequence(), walk.lastLink(),
                        walk.legacyEvents() > 0 ? walk.lastUnkeyedSequence() : -1));
                if (head != null) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("aggregateId", head.aggregateId());
                    entry.put("sequenceNumber", head.sequenceNumber());
                    entry.put("chainHash", head.chainHash());
                    entry.put("keyId", head.keyId());
                    entry.put("headMac", head.headMac());
                    headList.add(entry);
                }
            }
            return new Result(IntegrityStatus.of(problems, legacy), headList, ends, breaks);
        }
    }
}
