package dev.ivrflow.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTest {
    @Test
    void shouldGiveEachRoleTheOnesBelowIt() {
        assertThat(Role.of(Role.authorities(Set.of(Role.ADMIN)))).containsExactlyInAnyOrder(Role.values());
        assertThat(Role.of(Role.authorities(Set.of(Role.PUBLISHER)))).containsExactlyInAnyOrder(Role.VIEWER, Role.EDITOR, Role.PUBLISHER);
        assertThat(Role.of(Role.authorities(Set.of(Role.EDITOR)))).containsExactlyInAnyOrder(Role.VIEWER, Role.EDITOR);
        assertThat(Role.of(Role.authorities(Set.of(Role.VIEWER)))).containsExactly(Role.VIEWER);
        assertThat(Role.of(Role.authorities(Set.of()))).isEmpty();
    }

    @Test
    void shouldApplyTheHierarchyToAuthoritiesMadeElsewhere() {
        assertThat(Role.reached(List.of(new SimpleGrantedAuthority("ROLE_PUBLISHER"), new SimpleGrantedAuthority("SCOPE_x"))))
                .containsExactlyInAnyOrder(Role.VIEWER, Role.EDITOR, Role.PUBLISHER);
        assertThat(Role.PUBLISHER.includes(Role.EDITOR)).isTrue();
        assertThat(Role.EDITOR.includes(Role.PUBLISHER)).isFalse();
    }

    @Test
    void shouldReadAndWriteRolesInLowerCase() {
        assertThat(Role.parse("Editor")).contains(Role.EDITOR);
        assertThat(Role.parse("root")).isEmpty();
        assertThat(Role.json(Set.of(Role.ADMIN, Role.VIEWER))).containsExactly("viewer", "admin");
    }
}
