package cn.perfledger.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every production package explains itself in a one-line package-info.java (DESIGN.md). */
class PackageInfoTest {

    @Test
    void everyProductionPackageHasPackageInfo() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> missing;
        try (Stream<Path> files = Files.walk(root)) {
            missing = files
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> p.toString().endsWith(".java"))
                    .map(Path::getParent)
                    .distinct()
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .toList();
        }
        assertThat(missing).as("packages without package-info.java").isEmpty();
    }
}
