package io.harbormaster.sandbox.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoutesHostMatchTest {

    @Test
    void hostHeaderPatternsMatchAsAlbDoes() {
        assertThat(Routes.matchesAny(List.of("api.example.com"), "api.example.com.")).isTrue();
        assertThat(Routes.matchesAny(List.of("API.Example.com"), "api.example.com")).isTrue();
        assertThat(Routes.matchesAny(List.of("*.example.com"), "app-web.example.com.")).isTrue();
        assertThat(Routes.matchesAny(List.of("*.example.com"), "example.com.")).isFalse();
        assertThat(Routes.matchesAny(List.of("ap?.example.com"), "api.example.com")).isTrue();
        assertThat(Routes.matchesAny(List.of("ap?.example.com"), "apis.example.com")).isFalse();
        assertThat(Routes.matchesAny(List.of("a*b*c"), "axxbyyc")).isTrue();
        assertThat(Routes.matchesAny(List.of("a*b*c"), "axxbyy")).isFalse();
        assertThat(Routes.matchesAny(List.of("other.com", "*"), "anything.at.all")).isTrue();
        assertThat(Routes.matchesAny(List.of(), "api.example.com")).isFalse();
    }
}
