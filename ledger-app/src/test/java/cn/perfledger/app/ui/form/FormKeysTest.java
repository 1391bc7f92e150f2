package cn.perfledger.app.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/** The content a form's key is bound to: every field counts, in no particular order, and none can pose as another. */
class FormKeysTest {

    private static byte[] canonical(Map<String, List<String>> form, byte[] upload) {
        return FormKeys.canonical(new LinkedMultiValueMap<>(form), upload);
    }

    @Test
    void aValueCannotPoseAsAnotherField() {
        byte[] two = canonical(Map.of("a", List.of("1"), "b", List.of("2")), null);
        byte[] one = canonical(Map.of("a", List.of("1\nb=2")), null);
        byte[] shifted = canonical(Map.of("a", List.of("1b"), "", List.of("2")), null);
        assertThat(one).isNotEqualTo(two);
        assertThat(shifted).isNotEqualTo(two);
    }

    @Test
    void theTokenAndTheKeyDoNotCount_theOrderDoesNot_theFileDoes() {
        byte[] plain = canonical(Map.of("a", List.of("1"), "b", List.of("2")), null);
        assertThat(canonical(Map.of("b", List.of("2"), "a", List.of("1"), "_csrf", List.of("t"),
                FormKeys.FIELD, List.of("form-1")), null)).isEqualTo(plain);
        assertThat(canonical(Map.of("a", List.of("1"), "b", List.of("2")), new byte[] {1}))
                .isNotEqualTo(canonical(Map.of("a", List.of("1"), "b", List.of("2")), new byte[] {2}))
                .isNotEqualTo(plain);
        assertThat(canonical(Map.of("a", List.of("1", "2")), null))
                .isNotEqualTo(canonical(Map.of("a", List.of("2", "1")), null));
    }

    @Test
    void aNewKeyIsOneTheApiAccepts() {
        assertThat(cn.perfledger.app.idempotency.IdempotencyFilter.SANE_KEY.matcher(FormKeys.newKey()).matches())
                .isTrue();
        assertThat(FormKeys.newKey()).isNotEqualTo(FormKeys.newKey());
    }
}
