package cn.perfledger.domain.budget;

import cn.perfledger.domain.common.DomainException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 经济分类科目 (部门预算支出经济分类): 类 (3 digits) or 款 (5), e.g. {@code 30201}. The code says whether
 * spending is 人员经费 (301 工资福利, 303 对个人和家庭的补助), 公用经费 (302 商品和服务, 310 资本性支出 within
 * 基本支出) and which 三公 category it belongs to.
 */
public record EconomicCode(String code) {

    /** Compiled once: a code is checked for every line read from an event. */
    private static final Pattern DIGITS = Pattern.compile("\\d{3}|\\d{5}");

    public EconomicCode {
        if (code == null || !DIGITS.matcher(code).matches()) {
            throw new DomainException("economicCode", "经济分类科目编码必须为 3 位（类）或 5 位（款）数字: " + code);
        }
        if (!code.startsWith("3")) {
            throw new DomainException("economicCode", "支出经济分类科目编码以 3 开头: " + code);
        }
    }

    /** The four 三公 categories and the economic codes that carry them. */
    public enum ThreePublicCategory {
        OVERSEAS_TRAVEL("因公出国（境）费", "30212"),
        VEHICLE_PURCHASE("公务用车购置费", "31013"),
        VEHICLE_OPERATION("公务用车运行维护费", "30231"),
        RECEPTION("公务接待费", "30217");

        private final String chineseName;
        private final String economicCode;

        ThreePublicCategory(String chineseName, String economicCode) {
            this.chineseName = chineseName;
            this.economicCode = economicCode;
        }

        public String chineseName() {
            return chineseName;
        }

        public String economicCode() {
            return economicCode;
        }
    }

    public String classCode() {
        return code.substring(0, 3);
    }

    /** 人员经费: 301 工资福利支出 and 303 对个人和家庭的补助. */
    public boolean isPersonnel() {
        return classCode().equals("301") || classCode().equals("303");
    }

    /** 公用经费 when booked under 基本支出: 302 商品和服务支出 and 310 资本性支出. */
    public boolean isOperating() {
        return classCode().equals("302") || classCode().equals("310");
    }

    /** The 三公 category of this code, if it is one. */
    public Optional<ThreePublicCategory> threePublicCategory() {
        for (ThreePublicCategory category : ThreePublicCategory.values()) {
            if (category.economicCode().equals(code)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
