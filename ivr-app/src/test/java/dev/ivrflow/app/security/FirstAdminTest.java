package dev.ivrflow.app.security;

import dev.ivrflow.app.IvrApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The first admin, across real starts of the application on one data directory. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {
    private static final Pattern PRINTED = Pattern.compile("password: (\\S+)");

    @TempDir
    Path dataDir;

    /** Starts the application; the settings are command-line arguments, so they win over application.yml. */
    private ConfigurableApplicationContext start(String... properties) {
        List<String> args = new ArrayList<>(List.of("--ivr.data-dir=" + dataDir, "--server.port=0", "--server.address=127.0.0.1"));
        for (String p : properties) args.add("--" + p);
        return new SpringApplicationBuilder(IvrApplication.class).run(args.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext app) {
        return new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void shouldPrintAGeneratedPasswordOnceAndNeverAgain(CapturedOutput output) {
        String password;
        try (ConfigurableApplicationContext app = start()) {
            Matcher m = PRINTED.matcher(output.getOut());
            assertThat(m.find()).as("the banner with the password").isTrue();
            password = m.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(output.getOut()).contains("first admin").contains("shown only this once");
            api(app).login("admin", password);
        }
        int firstStart = output.getOut().length();

        try (ConfigurableApplicationContext app = start()) {
            String second = output.getOut().substring(firstStart);
            assertThat(second).contains("Started").doesNotContain(password).doesNotContain("first admin");
            assertThat(PRINTED.matcher(second).find()).isFalse();
            api(app).login("admin", password);
        }
    }

    @Test
    void shouldUseTheConfiguredPasswordWithoutPrintingIt(CapturedOutput output) {
        String configured = "from-the-environment-42";
        try (ConfigurableApplicationContext app = start("ivr.security.admin-password=" + configured)) {
            assertThat(output.getAll()).doesNotContain(configured).contains("with the password from IVR_ADMIN_PASSWORD");
            assertThat(PRINTED.matcher(output.getAll()).find()).isFalse();
            api(app).login("admin", configured);
        }

        try (ConfigurableApplicationContext app = start("ivr.security.admin-password=something-else-entirely")) {
            assertThat(output.getAll()).contains("users exist, so it is ignored").doesNotContain("something-else-entirely");
            api(app).login("admin", configured);
            Api.problem(api(app).loginAttempt("admin", "something-else-entirely"), 401);
        }
    }

    @Test
    void shouldRefuseToStartWithAWeakConfiguredPassword(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> start("ivr.security.admin-password=admin123").close());
        while (failure != null && failure.getCause() != null) failure = failure.getCause();

        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessageContaining("IVR_ADMIN_PASSWORD")
                .hasMessageContaining("at least 12 characters").hasMessageNotContaining("admin123");
        assertThat(output.getAll()).doesNotContain("admin123");
    }
}
