package cn.perfledger.benchmarks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Figures keep three significant digits below 10, so a small ratio is not printed as zero. */
class ReportTest {

    @Test
    void numbersKeepTheirSignificantDigits() {
        assertEquals("1,476", Report.number(1476.4));
        assertEquals("14.0", Report.number(14.04));
        assertEquals("5.24", Report.number(5.2417));
        assertEquals("0.00157", Report.number(12.0 / 7620));
        assertEquals("0.0100", Report.number(0.01));
        assertEquals("0", Report.number(0));
        assertEquals("n/a", Report.number(Double.NaN));
    }
}
