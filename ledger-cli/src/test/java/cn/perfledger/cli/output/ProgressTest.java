package cn.perfledger.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void bar_showsShareAndSizes() {
        Progress progress = new Progress(new PrintWriter(new StringWriter()), true, "上传 a.xlsx", 2 * 1024 * 1024);
        assertThat(progress.bar(1024 * 1024))
                .isEqualTo("上传 a.xlsx [###############...............]  50%  1.0 MB / 2.0 MB");
        assertThat(progress.bar(3 * 1024 * 1024)).contains("100%").contains("2.0 MB / 2.0 MB");
    }

    @Test
    void enabled_drawsInPlaceOnStderr_thenWaits_thenClearsTheLine() throws InterruptedException {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), true, "上传", 1000);
        progress.uploaded(1000);
        progress.awaitingAnswer();
        Thread.sleep(250);
        progress.close();

        String drawn = err.toString();
        assertThat(drawn).startsWith("\r上传 [").contains("100%").contains("等待服务器处理");
        assertThat(drawn).endsWith("\r");
        assertThat(drawn).doesNotContain("\n");
    }

    @Test
    void disabled_printsNothing() {
        StringWriter err = new StringWriter();
        try (Progress progress = new Progress(new PrintWriter(err), false, "上传", 1000)) {
            progress.uploaded(500);
            progress.uploaded(1000);
            progress.awaitingAnswer();
        }
        assertThat(err.toString()).isEmpty();
    }
}
