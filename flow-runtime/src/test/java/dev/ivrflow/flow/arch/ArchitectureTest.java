package dev.ivrflow.flow.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The core is pure: no Spring, Netty, Reactor or adapter code, and time is injected (nothing reads the system
 * clock or sleeps), so the interpreter runs the same in the simulator, in tests and live.
 */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ivrflow.flow");
    }

    @Test
    void theCoreDependsOnNoFrameworkOrAdapter() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "io.netty..", "reactor..", "dev.ivrflow.esl..", "dev.ivrflow.mrcp..",
                        "dev.ivrflow.app..", "com.mongodb..", "org.bson..")
                .check(core);
    }

    @Test
    void theCoreNeverReadsTheSystemClockOrSleeps() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalTime.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .check(core);
    }
}
