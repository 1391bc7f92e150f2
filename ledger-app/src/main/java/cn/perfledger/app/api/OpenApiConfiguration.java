package cn.perfledger.app.api;

import cn.perfledger.app.json.LedgerJson;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Iterator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    public OpenAPI ledgerOpenApi() {
        return new OpenAPI().info(new Info()
                .title("绩效账本 API (performance ledger)")
                .version("v1")
                .description("""
                        部门整体支出绩效自评的事件溯源账本。每个写入接口发出一条命令，命令通过校验后以不可修改的记录记入账本；\
                        更正总是新的记录（冲销、调整），从不修改既有记录。

                        约定：金额以元为单位，JSON 字符串或数字，最多两位小数（"1234.50"），不接受科学计数法与千分位；\
                        日期为 yyyy-MM-dd；比率为小数（0.75 表示 75%）。成功写入返回 201，完全相同的重复提交返回 200；\
                        错误以 RFC 9457 Problem Details 返回，附 field（出错的字段路径）与 rule（违反的规则）：\
                        400 请求格式或规则错误，404 对象不存在，409 与已有记录冲突（含并发修改）。\
                        被拒绝的命令不写入任何记录。

                        Event-sourced ledger of department-year budgets, spending and self-evaluation. Amounts are \
                        yuan strings with at most two decimals; errors are Problem Details with `field` and `rule`."""));
    }

    /**
     * Describes the domain's value types as the JSON scalars they are ({@code Money} and typed ids as strings,
     * {@code FiscalYear} as an integer) instead of as objects with one property.
     */
    @Bean
    public ModelConverter ledgerValueTypesModelConverter() {
        return new ModelConverter() {
            @Override
            public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
                JavaType javaType = Json.mapper().constructType(type.getType());
                String kind = javaType == null ? null : LedgerJson.scalarKind(javaType.getRawClass());
                if ("string".equals(kind)) {
                    StringSchema schema = new StringSchema();
                    if (javaType.getRawClass() == cn.perfledger.domain.common.Money.class) {
                        schema.pattern("^-?\\d{1,13}(\\.\\d{1,2})?$").example("1234.50")
                                .description("金额（元），最多两位小数");
                    }
                    return schema;
                }
                if ("integer".equals(kind)) {
                    return new IntegerSchema();
                }
                return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            }
        };
    }
}
