package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Environment;

/**
 * What the validator may check a flow against besides itself.
 *
 * @param catalog     the published flows subflows may call; {@link FlowCatalog#UNCHECKED} skips those checks
 * @param environment the bindings of the target environment; a symbolic name is only reported unknown for a
 *                    kind the environment declares, so {@link Environment#PASS_THROUGH} checks none
 */
public record ValidationOptions(FlowCatalog catalog, Environment environment) {

    public static final ValidationOptions DEFAULTS = new ValidationOptions(FlowCatalog.UNCHECKED, Environment.PASS_THROUGH);

    public ValidationOptions {
        catalog = catalog == null ? FlowCatalog.UNCHECKED : catalog;
        environment = environment == null ? Environment.PASS_THROUGH : environment;
    }

    public ValidationOptions withCatalog(FlowCatalog newCatalog) {
        return new ValidationOptions(newCatalog, environment);
    }

    public ValidationOptions withEnvironment(Environment newEnvironment) {
        return new ValidationOptions(catalog, newEnvironment);
    }
}
