package cn.perfledger.app.demo;

import cn.perfledger.app.evaluation.SelfEvaluationEntries;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The rubric files shipped on the classpath ({@code rubrics/*.json}), each read once as the command publishing it. */
final class DemoRubricFiles {

    private final ObjectMapper json;
    private final Map<String, PublishRubric> byVersion = new LinkedHashMap<>();

    DemoRubricFiles(ObjectMapper json) {
        this.json = json;
    }

    Collection<PublishRubric> all() {
        return files().values();
    }

    Optional<PublishRubric> find(String rubricVersion) {
        return Optional.ofNullable(files().get(rubricVersion));
    }

    /** The codes of the judgement leaves of a shipped rubric file, or null when there is no such file. */
    Set<String> judgementLeaves(String rubricVersion) {
        return find(rubricVersion).map(rubric -> SelfEvaluationEntries.judgedItems(rubric.tree())).orElse(null);
    }

    private synchronized Map<String, PublishRubric> files() {
        if (!byVersion.isEmpty()) {
            return byVersion;
        }
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources("classpath*:rubrics/*.json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list rubrics/*.json", e);
        }
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                PublishRubric command = json.readValue(in, PublishRubric.class);
                byVersion.put(command.rubricVersionId().value(), command);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rubric " + resource.getFilename(), e);
            }
        }
        return byVersion;
    }
}
