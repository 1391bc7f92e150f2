package cn.perfledger.domain.evaluation;

/**
 * Direction of an indicator (正向/反向): a positive target's completion rate is actual ÷ target, a reverse
 * target's is 100% when met and target ÷ actual otherwise; equal and qualitative targets are 100% when met.
 */
public enum Polarity {
    POSITIVE,
    REVERSE,
    EQUAL,
    QUALITATIVE
}
