package dev.ivrflow.app.flows;

import java.util.List;

/** What an archive import did with each flow file, and which entries it skipped as not flow files. */
public record ImportReport(List<ImportedFlow> flows, List<String> skipped) {

    /**
     * @param file       the entry's name in the archive
     * @param status     whether the draft was created, updated or already had this content
     * @param revision   the draft's revision after the import
     * @param validation what the validator says about the flow
     * @param published  the version published from it, or null (not asked for, or the latest version already
     *                   had this content)
     */
    public record ImportedFlow(String file, String id, SaveResult.Status status, long revision,
                               ValidationResult validation, VersionSummary published) {
    }
}
