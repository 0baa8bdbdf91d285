package dev.ivrflow.flow.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is worked out once from a checked expression: which of its steps (AST nodes) only hand on a value that
 * already exists, so the cost meter does not charge its size again, and which flow node results it reads.
 */
record ExpressionFacts(Set<Long> passThroughIds, Set<String> referencedNodeIds) {

    private static final Set<String> PASS_THROUGH_CALLS = Set.of("_[_]", "_?_:_", "dyn");

    static ExpressionFacts of(CelAbstractSyntaxTree ast) {
        Set<Long> passThrough = new HashSet<>();
        Set<String> nodeIds = new TreeSet<>();
        CelNavigableAst.fromAst(ast).getRoot().allNodes().forEach(node -> {
            CelExpr e = node.expr();
            switch (e.getKind()) {
                case IDENT -> passThrough.add(e.id());
                case SELECT -> {
                    passThrough.add(e.id());
                    if (readsNodes(node)) nodeIds.add(e.select().field());
                }
                case CALL -> {
                    if (PASS_THROUGH_CALLS.contains(e.call().function())) passThrough.add(e.id());
                    CelExpr key = e.call().args().size() == 2 ? e.call().args().get(1) : null;
                    if (e.call().function().equals("_[_]") && readsNodes(node)
                            && key.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                            && key.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                        nodeIds.add(key.constant().stringValue());
                    }
                }
                case COMPREHENSION -> markAccumulation(e.comprehension().loopStep(),
                        e.comprehension().accuVar(), passThrough);
                default -> {
                }
            }
        });
        return new ExpressionFacts(Collections.unmodifiableSet(passThrough), Collections.unmodifiableSet(nodeIds));
    }

    /**
     * A macro's loop step appends one element to the accumulated list ({@code @result + [f(x)]}). Charging the
     * whole list on every step would make a plain {@code map} cost quadratic; the appended element is charged
     * where it is built, and the finished list once when the loop returns it.
     */
    private static void markAccumulation(CelExpr step, String accumulator, Set<Long> passThrough) {
        if (step.getKind() != CelExpr.ExprKind.Kind.CALL) return;
        List<CelExpr> args = step.call().args();
        switch (step.call().function()) {
            case "_?_:_" -> {
                passThrough.add(step.id());
                markAccumulation(args.get(1), accumulator, passThrough);
                markAccumulation(args.get(2), accumulator, passThrough);
            }
            case "_+_" -> {
                if (isIdent(args.get(0), accumulator)) passThrough.add(step.id());
            }
            default -> {
            }
        }
    }

    /**
     * Whether a select or index reads from {@code nodes} the declared variable, not from a loop variable that
     * happens to share its name ({@code list.exists(nodes, nodes.x == 1)}).
     */
    private static boolean readsNodes(CelNavigableExpr selectOrIndex) {
        CelNavigableExpr operand = selectOrIndex.children().findFirst().orElse(null);
        if (operand == null || !isIdent(operand.expr(), ExpressionScope.NODES)) return false;
        CelNavigableExpr child = operand;
        for (var parent = operand.parent(); parent.isPresent(); parent = parent.get().parent()) {
            CelExpr ancestor = parent.get().expr();
            if (ancestor.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
                var loop = ancestor.comprehension();
                boolean bindsNodes = loop.iterVar().equals(ExpressionScope.NODES)
                        || ExpressionScope.NODES.equals(loop.iterVar2());
                // The range is evaluated outside the loop, where the name still means the variable.
                if (bindsNodes && child.expr().id() != loop.iterRange().id()) return false;
            }
            child = parent.get();
        }
        return true;
    }

    private static boolean isIdent(CelExpr e, String name) {
        return e.getKind() == CelExpr.ExprKind.Kind.IDENT && e.ident().name().equals(name);
    }
}
