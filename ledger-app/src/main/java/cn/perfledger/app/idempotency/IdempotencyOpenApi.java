package cn.perfledger.app.idempotency;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;

/** Documents the {@code Idempotency-Key} header on every write operation of the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
public class IdempotencyOpenApi {

    @Bean
    public OperationCustomizer idempotencyKeyHeader() {
        return (operation, handlerMethod) -> {
            if (handlerMethod.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter()
                        .name(IdempotencyFilter.HEADER)
                        .required(false)
                        .description("""
                                幂等键（可选，建议使用 UUID，1–200 个字母、数字或 . _ : -）。同一键、同一请求（方法、路径、\
                                请求体相同）再次提交时返回首次的状态与响应体（响应头 Idempotency-Replayed: true），不会\
                                再写入任何记录；同一键用于不同请求返回 422；首次请求仍在处理时返回 409。被拒绝的请求\
                                （4xx）不占用该键。Optional idempotency key: a repeated identical request returns the \
                                original response and writes nothing.""")
                        .schema(new StringSchema().maxLength(200).pattern("^[A-Za-z0-9._:-]{1,200}$")
                                .example("3f0c7a52-8d7e-4c1e-9a55-0c2f6e3b9d41")));
            }
            return operation;
        };
    }
}
