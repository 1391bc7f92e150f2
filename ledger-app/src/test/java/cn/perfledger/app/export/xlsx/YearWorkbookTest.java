package cn.perfledger.app.export.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The workbook's bytes do not depend on when it was written. */
class YearWorkbookTest {

    @Test
    void zipEntryTimesAreFixedSoTheSameContentGivesTheSameBytes() throws IOException {
        byte[] morning = zip(LocalDateTime.of(2024, 5, 1, 8, 0, 0));
        byte[] evening = zip(LocalDateTime.of(2025, 11, 23, 21, 17, 43));
        assertThat(morning).isNotEqualTo(evening);
        byte[] fixedMorning = YearWorkbook.withFixedEntryTimes(morning);
        assertThat(fixedMorning).isEqualTo(YearWorkbook.withFixedEntryTimes(evening));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(fixedMorning))) {
            int entries = 0;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertThat(entry.getTimeLocal()).isEqualTo(LocalDateTime.of(1980, 1, 1, 0, 0));
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("内容 " + entry.getName());
                entries++;
            }
            assertThat(entries).isEqualTo(2);
        }
    }

    private static byte[] zip(LocalDateTime time) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : new String[] {"[Content_Types].xml", "xl/workbook.xml"}) {
                ZipEntry entry = new ZipEntry(name);
                entry.setTimeLocal(time);
                zip.putNextEntry(entry);
                zip.write(("内容 " + name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
