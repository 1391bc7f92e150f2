package cn.perfledger.domain.budget;

import static cn.perfledger.domain.budget.BudgetFixtures.BASIC;
import static cn.perfledger.domain.budget.BudgetFixtures.reversed;
import static cn.perfledger.domain.budget.BudgetFixtures.spent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.domain.budget.BudgetCommand.ReverseExpenditure;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.VoucherNo;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The voucher book keeps its vouchers in chunks of recording order that never change once full, so that the
 * application can store a snapshot's full chunks once ({@code snapshot_chunk}) and later snapshots only name them.
 */
class VoucherChunksTest {

    private static final LocalDate DAY = BudgetFixtures.date(3, 1);

    @Test
    void vouchersFillChunksInRecordingOrder_andAFullChunkNeverChanges() throws Exception {
        VoucherBook book = new VoucherBook();
        int count = 2 * VoucherChunk.SIZE + 3;
        for (int i = 0; i < count; i++) {
            book.on(spent("V-" + i, BASIC, "1.00", DAY));
        }
        List<VoucherChunk> chunks = chunks(book);
        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(0).full()).isTrue();
        assertThat(chunks.get(1).full()).isTrue();
        assertThat(chunks.get(2).vouchers()).extracting(VoucherState::voucherNo)
                .containsExactly("V-" + (count - 3), "V-" + (count - 2), "V-" + (count - 1));
        List<VoucherState> firstBefore = new ArrayList<>(chunks.get(0).vouchers());

        book.on(reversed("R-1", "V-0", BASIC, "0.40", DAY));
        book.on(reversed("R-2", "V-0", BASIC, "0.60", DAY));

        // the reversal is kept beside the chunk: the full chunk holding V-0 is as it was
        assertThat(chunks(book).get(0).vouchers()).isEqualTo(firstBefore);
        assertThat(reversedFen(book)).containsExactly(Map.entry("V-0", 100L));
    }

    @Test
    void aDraftAppendsToItsOwnOpenChunk_neverToTheLedgers() throws Exception {
        VoucherBook book = new VoucherBook();
        book.on(spent("V-1", BASIC, "1.00", DAY));
        VoucherBook draft = book.draft();
        draft.on(spent("V-2", BASIC, "1.00", DAY));
        draft.on(reversed("R-1", "V-1", BASIC, "1.00", DAY));

        assertThat(chunks(book)).hasSize(1);
        assertThat(chunks(book).get(0).vouchers()).extracting(VoucherState::voucherNo).containsExactly("V-1");
        assertThat(reversedFen(book)).isEmpty();
        assertThat(chunks(draft).get(0).vouchers()).extracting(VoucherState::voucherNo).containsExactly("V-1", "V-2");
    }

    @Test
    void aBookReadFromASnapshot_findsItsVouchersByNumber() throws Exception {
        // a snapshot holds the chunks but not the index by number: the index is built from them on first use
        VoucherBook written = new VoucherBook();
        written.on(spent("V-1", BASIC, "5.00", DAY));
        VoucherBook read = new VoucherBook();
        field("chunks").set(read, chunks(written));
        field("reversedFen").set(read, new HashMap<>(reversedFen(written)));

        read.on(reversed("R-1", "V-1", BASIC, "5.00", DAY));
        ReverseExpenditure again = new ReverseExpenditure(BudgetFixtures.YEAR_ID, new VoucherNo("R-2"),
                new VoucherNo("V-1"), Money.of("1.00"), "重复冲销", DAY, null);
        assertThatThrownBy(() -> read.decide(again, yearOpened())).hasMessageContaining("可冲销的余额");
    }

    private static LedgerYear yearOpened() {
        LedgerYear year = new LedgerYear();
        year.on(BudgetFixtures.yearOpened());
        return year;
    }

    @SuppressWarnings("unchecked")
    private static List<VoucherChunk> chunks(VoucherBook book) throws Exception {
        return (List<VoucherChunk>) field("chunks").get(book);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> reversedFen(VoucherBook book) throws Exception {
        return (Map<String, Long>) field("reversedFen").get(book);
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field field = VoucherBook.class.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
