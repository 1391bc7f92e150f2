package cn.perfledger.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.axon.LedgerAxonConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;

/**
 * Every event handler of the application names its processing group, and every group is one whose commits the
 * embedded store need not force one by one ({@link LedgerAxonConfiguration#READ_MODEL_PROCESSING_GROUPS}: it
 * writes only rows derived again from the events after a crash). A new handler that writes anything else (a
 * notification sent, a record kept only there) must keep its commits forced: this test then fails and says which
 * class to decide about.
 */
class DerivedProcessingGroupsTest {

    @Test
    void everyEventHandlerIsInADeclaredReadModelProcessingGroup() {
        Map<String, String> groupOfHandlerClass = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.perfledger.app")) {
            boolean handles = type.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(EventHandler.class));
            if (handles) {
                groupOfHandlerClass.put(type.getName(), type.isAnnotatedWith(ProcessingGroup.class)
                        ? type.getAnnotationOfType(ProcessingGroup.class).value() : "(no @ProcessingGroup)");
            }
        }

        assertThat(groupOfHandlerClass).as("classes with event handlers").isNotEmpty();
        assertThat(groupOfHandlerClass.values()).as("processing group of each event-handling class "
                + groupOfHandlerClass).allMatch(LedgerAxonConfiguration.READ_MODEL_PROCESSING_GROUPS::contains);
        assertThat(LedgerAxonConfiguration.READ_MODEL_PROCESSING_GROUPS).as("declared groups that still exist")
                .allMatch(groupOfHandlerClass::containsValue);
    }
}
