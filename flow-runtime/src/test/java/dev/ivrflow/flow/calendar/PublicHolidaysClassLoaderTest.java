package dev.ivrflow.flow.calendar;

import de.focus_shift.jollyday.core.HolidayManager;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside the packaged application a thread of the common fork-join pool has the system class loader as its context
 * class loader, which cannot see the nested jars: jollyday's data lookup (a ServiceLoader on that loader) failed
 * there, and a calendar decision on such a thread answered a 500 in the designer's calendar preview.
 */
class PublicHolidaysClassLoaderTest {

    @Test
    void shouldFindHolidaysWhateverTheCallingThreadsContextClassLoader() throws Exception {
        // given a thread whose context class loader sees nothing (not even jollyday), and no manager cached anywhere
        boolean caching = HolidayManager.isManagerCachingEnabled();
        HolidayManager.setManagerCachingEnabled(false);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader blind = new URLClassLoader(new URL[0], null)) {
            thread.setContextClassLoader(blind);

            // when a fresh holiday source is asked about Christmas in the US
            Optional<PublicHoliday> holiday = new PublicHolidays().holidayOn("US", List.of(), LocalDate.of(2026, 12, 25));

            // then it finds it, and leaves the thread's loader as it was
            assertThat(holiday).map(PublicHoliday::name).hasValueSatisfying(n -> assertThat(n).contains("Christmas"));
            assertThat(thread.getContextClassLoader()).isSameAs(blind);
        } finally {
            thread.setContextClassLoader(previous);
            HolidayManager.setManagerCachingEnabled(caching);
        }
    }
}
