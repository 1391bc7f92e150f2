package cn.perfledger.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * A request whose address Tomcat cannot parse (bad percent-encoding, characters a URL may not hold) is refused by
 * Tomcat before any filter or controller runs, so neither the page error handler nor the Problem Details see it.
 * Tomcat's own error report (English, with the server's name) is replaced by a static Chinese page; the request
 * never got as far as knowing the user, so the page fetches the user bar ({@link SignedInBarController}).
 */
@Component
public class BadRequestPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Path page = copyOut();
        factory.addContextCustomizers(context -> {
            ErrorReportValve valve = new ErrorReportValve();
            valve.setShowReport(false);
            valve.setShowServerInfo(false);
            valve.setProperty("errorCode.400", page.toString());
            // the host keeps this valve (same class as its default) instead of adding its English one
            context.getParent().getPipeline().addValve(valve);
        });
    }

    private static Path copyOut() {
        try (InputStream in = BadRequestPage.class.getResourceAsStream("/tomcat/bad-request.html")) {
            if (in == null) {
                throw new IllegalStateException("tomcat/bad-request.html missing from the classpath");
            }
            Path file = Files.createTempFile("ledger-bad-request-", ".html");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
