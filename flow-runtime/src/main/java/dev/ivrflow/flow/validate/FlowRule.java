package dev.ivrflow.flow.validate;

/** One family of checks over the whole flow. Rules only read the context and add issues. */
interface FlowRule {
    void check(FlowContext context, Issues issues);
}
