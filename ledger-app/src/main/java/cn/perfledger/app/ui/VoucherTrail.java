package cn.perfledger.app.ui;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.eventstore.EventTable;
import cn.perfledger.app.eventstore.StoredEvent;
import cn.perfledger.domain.common.FiscalYearId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A voucher (凭证) of a department-year with everything that refers to it: the voucher itself, the red-ink
 * reversals (冲销) that name it as their original, the correcting vouchers (更正) that name it in
 * {@code correctionOf}, and — followed both ways — the reversals and corrections of those, read from the year's
 * {@code ExpenditureRecorded} and {@code ExpenditureReversed} events as stored.
 */
@Component
public class VoucherTrail {

    private static final List<String> TYPES = List.of("ExpenditureRecorded", "ExpenditureReversed");

    /** One event of the trail: its payload and metadata as stored, with its place in the store. */
    public record TrailEvent(StoredEvent row, JsonNode payload, JsonNode metadata) {

        public String voucherNo() {
            return LedgerLines.text(payload, "voucherNo");
        }

        public boolean reversal() {
            return "ExpenditureReversed".equals(row.simpleType());
        }

        /** The voucher this event refers to: a reversal's original or a correction's corrected voucher, or null. */
        public String refersTo() {
            return reversal() ? LedgerLines.text(payload, "originalVoucherNo") : LedgerLines.text(payload, "correctionOf");
        }
    }

    /** What the trail of one voucher number found. */
    public record Trail(String voucherNo, List<TrailEvent> events) {
    }

    /** The small part of an expenditure payload the search needs. */
    private record Link(long globalIndex, String voucherNo, String refersTo) {
    }

    private final EventTable table;
    private final ObjectMapper json;

    public VoucherTrail(EventTable table, ObjectMapper json) {
        this.table = table;
        this.json = json;
    }

    /** The voucher and everything linked to it, in global order; 404 when the year has no such voucher. */
    public Trail find(FiscalYearId id, String voucherNo) {
        List<Link> links = new ArrayList<>();
        table.payloads(new EventTable.LogFilter(List.of(id.toString()), TYPES), (globalIndex, payload) -> {
            JsonNode node = read(payload);
            String original = LedgerLines.text(node, "originalVoucherNo");
            links.add(new Link(globalIndex, LedgerLines.text(node, "voucherNo"),
                    original != null ? original : LedgerLines.text(node, "correctionOf")));
        });
        if (links.stream().noneMatch(l -> voucherNo.equals(l.voucherNo()))) {
            throw new NotFoundException("voucherNo", id.department().code() + " " + id.year().year() + " 年度没有凭证号「"
                    + abbreviate(voucherNo) + "」的凭证");
        }
        // the family: every voucher reachable through "reverses / corrects" in either direction
        Set<String> family = new LinkedHashSet<>();
        Deque<String> open = new ArrayDeque<>(List.of(voucherNo));
        while (!open.isEmpty()) {
            String no = open.pop();
            if (!family.add(no)) {
                continue;
            }
            for (Link link : links) {
                if (no.equals(link.voucherNo()) && link.refersTo() != null) {
                    open.push(link.refersTo());
                }
                if (no.equals(link.refersTo()) && link.voucherNo() != null) {
                    open.push(link.voucherNo());
                }
            }
        }
        List<Long> indexes = links.stream().filter(l -> family.contains(l.voucherNo())).map(Link::globalIndex)
                .toList();
        List<TrailEvent> events = table.byGlobalIndex(indexes).stream()
                .map(row -> new TrailEvent(row, read(row.payload()), row.metaData() == null ? null : read(row.metaData())))
                .toList();
        return new Trail(voucherNo, events);
    }

    private JsonNode read(byte[] bytes) {
        try {
            return bytes == null ? json.createObjectNode() : json.readTree(bytes);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
