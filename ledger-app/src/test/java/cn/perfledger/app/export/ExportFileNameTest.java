package cn.perfledger.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.domain.common.FiscalYearId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

/** The download's name survives the Content-Disposition round trip, with an ASCII fallback. */
class ExportFileNameTest {

    @Test
    void chineseNameIsRfc5987EncodedWithAnAsciiFallback() {
        ExportFileName name = ExportFileName.of(FiscalYearId.of("GZ-ZSJ", 2021), LocalDate.of(2021, 12, 31));
        assertThat(name.name()).isEqualTo("GZ-ZSJ-2021-自评表-2021-12-31.xlsx");
        assertThat(name.contentDisposition()).isEqualTo("attachment; filename=\"GZ-ZSJ-2021-2021-12-31.xlsx\"; "
                + "filename*=UTF-8''GZ-ZSJ-2021-%E8%87%AA%E8%AF%84%E8%A1%A8-2021-12-31.xlsx");
        assertThat(ContentDisposition.parse(name.contentDisposition()).getFilename()).isEqualTo(name.name());
    }

    @Test
    void everyByteOutsideTheAttrCharsIsPercentEncoded() {
        assertThat(ExportFileName.rfc5987("a b;\"'%()*,/:=?@[]{}")).isEqualTo(
                "a%20b%3B%22%27%25%28%29%2A%2C%2F%3A%3D%3F%40%5B%5D%7B%7D");
        assertThat(ExportFileName.rfc5987("A-z_0.9~!#$&+^`|")).isEqualTo("A-z_0.9~!#$&+^`|");
    }
}
