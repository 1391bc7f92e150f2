package cn.perfledger.projections.evaluation;

/** A flag on an indicator or a scored item: its kind (code and Chinese label) and what exactly it is about. */
public record Flag(FlagKind kind, String label, String detail) {

    public static Flag of(FlagKind kind, String detail) {
        return new Flag(kind, kind.label(), detail);
    }
}
