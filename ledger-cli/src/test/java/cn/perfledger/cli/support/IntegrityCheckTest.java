package cn.perfledger.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A BROKEN {@code integrity} anywhere in an answer means exit code 9 and a warning naming stream and sequence. */
class IntegrityCheckTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aBrokenAnswer_exits9_andNamesTheProblem() throws Exception {
        JsonNode answer = json.readTree("""
                {"fiscalYearId":"GZ-ZSJ/2021","digest":"ab","integrity":{"status":"BROKEN","summary":"记录链校验未通过",
                 "problems":[{"stream":"GZ-ZSJ/2021","sequence":5,"kind":"HASH_MISMATCH","rule":"被改动"}]},
                 "result":{}}""");
        StringWriter err = new StringWriter();
        assertThat(IntegrityCheck.of(answer, new PrintWriter(err))).isEqualTo(ExitCode.CHAIN_BROKEN);
        assertThat(ExitCode.CHAIN_BROKEN.code()).isEqualTo(9);
        assertThat(err.toString()).contains("警告", "数字不可信", "GZ-ZSJ/2021 第 5 号", "HASH_MISMATCH");
        assertThat(BasisLine.of(answer)).contains("记录链断裂");
    }

    @Test
    void anIntactAnswer_exits0_andADirectoryWithABrokenYearExits9() throws Exception {
        StringWriter err = new StringWriter();
        assertThat(IntegrityCheck.of(json.readTree("""
                {"integrity":{"status":"INTACT","problems":[]},"result":{}}"""), new PrintWriter(err)))
                .isEqualTo(ExitCode.OK);
        assertThat(err.toString()).isEmpty();
        assertThat(IntegrityCheck.of(json.readTree("""
                [{"departmentId":"GZ-ZSJ","integrity":{"status":"INTACT"},
                  "years":[{"fiscalYearId":"GZ-ZSJ/2021","integrity":{"status":"BROKEN","problems":[]}}]}]"""),
                new PrintWriter(err))).isEqualTo(ExitCode.CHAIN_BROKEN);
        assertThat(IntegrityCheck.isBrokenChainRefusal(409, json.readTree("{\"field\":\"integrity\"}"))).isTrue();
        assertThat(IntegrityCheck.isBrokenChainRefusal(409, json.readTree("{\"field\":\"voucherNo\"}"))).isFalse();
    }
}
