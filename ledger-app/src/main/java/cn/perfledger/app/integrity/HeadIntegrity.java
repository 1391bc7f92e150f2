package cn.perfledger.app.integrity;

import cn.perfledger.app.eventstore.EventTable;
import cn.perfledger.app.integrity.IntegrityReport.BreakKind;
import cn.perfledger.app.integrity.IntegrityStatus.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The integrity of streams not in memory, from their keyed heads, the last seal and the last stored row alone —
 * a few index probes a stream instead of reading it. It sees a deleted or altered head, a head rolled back behind
 * the seal, deleted last events, events written past the head and a rewritten last link; it does not see an edited
 * payload in the middle of a stream, which only the full read ({@code EventHistory}) shows. Answers that use it say
 * so ({@code integrityBasis: "heads"}).
 */
@Component
public class HeadIntegrity {

    private static final int MAX_REREADS = 5;

    private final StreamHeads heads;
    private final IntegritySeals seals;
    private final EventTable table;

    public HeadIntegrity(StreamHeads heads, IntegritySeals seals, EventTable table) {
        this.heads = heads;
        this.seals = seals;
        this.table = table;
    }

    /** The combined status of the streams, with the seal's own problems. */
    public IntegrityStatus of(List<String> aggregateIds) {
        List<Problem> problems = new ArrayList<>(seals.sealProblems());
        for (String aggregateId : aggregateIds) {
            problems.addAll(stream(aggregateId));
        }
        return IntegrityStatus.of(problems, 0);
    }

    private List<Problem> stream(String id) {
        List<Problem> problems = new ArrayList<>();
        String stream = "记录链 " + id;
        IntegritySeals.SealedHead sealed = seals.sealedHead(id).orElse(null);
        // the head and the last row are two reads: a write committed between them (head and events move in one
        // transaction) would look like a mismatch, so a mismatch is read again until two reads agree
        StreamHeads.Head head = heads.find(id).orElse(null);
        Optional<Long> last = table.lastSequence(id);
        boolean agree = head == null ? last.isEmpty() : last.isPresent() && last.get() == head.sequenceNumber();
        for (int attempt = 0; !agree && attempt < MAX_REREADS; attempt++) {
            StreamHeads.Head headAgain = heads.find(id).orElse(null);
            Optional<Long> lastAgain = table.lastSequence(id);
            boolean stable = java.util.Objects.equals(head, headAgain) && last.equals(lastAgain);
            head = headAgain;
            last = lastAgain;
            if (stable) {
                break;
            }
        }
        if (head == null) {
            if (sealed != null && last.isEmpty()) {
                problems.add(new Problem(id, 0L, BreakKind.STREAM_DELETED, stream + " 在封存记录中（第 "
                        + sealed.sequenceNumber() + " 号），账本中却已没有它的任何记录和流头：整条记录链被删除"));
            } else if (last.isPresent()) {
                problems.add(new Problem(id, last.get(), BreakKind.HEAD_MISSING, stream + " 有记录，却没有带密钥的"
                        + "流头记录：流头被删除，或记录被绕过账本写入"));
            }
            return problems;
        }
        if (!heads.knowsKey(head)) {
            problems.add(new Problem(id, head.sequenceNumber(), BreakKind.UNKNOWN_KEY, stream + " 的流头记录所用密钥编号 "
                    + head.keyId() + " 未在本系统配置：无法校验"));
            return problems;
        }
        if (!heads.headVerifies(head) || heads.legacyUpTo(head) == null) {
            problems.add(new Problem(id, head.sequenceNumber(), BreakKind.HEAD_ALTERED, stream + " 的流头记录（第 "
                    + head.sequenceNumber() + " 号）与其 MAC 不符：流头记录被改动"));
            return problems;
        }
        if (last.isEmpty()) {
            problems.add(new Problem(id, 0L, BreakKind.STREAM_DELETED, stream + " 的流头记录了 "
                    + (head.sequenceNumber() + 1) + " 条记录，账本中却已没有该记录链的任何记录：整条记录链被删除"));
        } else if (last.get() < head.sequenceNumber()) {
            problems.add(new Problem(id, last.get() + 1, BreakKind.TRUNCATED, stream + " 的流头记录的最后序号为 "
                    + head.sequenceNumber() + "，账本中最后一条记录却是第 " + last.get() + " 号：末尾的记录被删除"));
        } else if (last.get() > head.sequenceNumber()) {
            problems.add(new Problem(id, head.sequenceNumber() + 1, BreakKind.UNKEYED_EVENT, stream + " 在流头（第 "
                    + head.sequenceNumber() + " 号）之后还有记录（至第 " + last.get() + " 号）：记录被绕过账本写入"));
        } else if (heads.legacyUpTo(head) < last.get()) { // an accepted legacy (unkeyed) end has no stored hash
            String stored = table.event(id, last.get()).map(row -> ChainLinks.of(row).storedHash()).orElse(null);
            if (!head.chainHash().equals(stored)) {
                problems.add(new Problem(id, last.get(), BreakKind.HEAD_ALTERED, stream + " 的流头哈希与最后一条记录（第 "
                        + last.get() + " 号）的链哈希不符：记录链被改写（或重算）"));
            }
        }
        if (sealed != null && sealed.sequenceNumber() > head.sequenceNumber()) {
            problems.add(new Problem(id, head.sequenceNumber(), BreakKind.HEAD_ROLLED_BACK, stream + " 的流头停在第 "
                    + head.sequenceNumber() + " 号，落后于第 " + sealed.sealNo() + " 次封存记录的第 "
                    + sealed.sequenceNumber() + " 号：流头记录被换回旧值"));
        } else if (sealed != null && sealed.sequenceNumber() == head.sequenceNumber()
                && !sealed.chainHash().equals(head.chainHash())) {
            problems.add(new Problem(id, head.sequenceNumber(), BreakKind.HEAD_ALTERED, stream + " 的流头哈希与第 "
                    + sealed.sealNo() + " 次封存记录不符：记录链被改写（或重算）"));
        }
        return problems;
    }
}
