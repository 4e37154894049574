package io.mailwarden.plugins.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.rules.PluginRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The only @QuarkusTest of the plugins: a bean under plugins/java is found by CDI at build time. */
@QuarkusTest
class PluginDiscoveryTest {

    @Inject
    PluginRegistry registry;

    @Test
    void businessHoursIsRegisteredThroughCdi() {
        assertThat(registry.condition("business-hours")).isInstanceOf(BusinessHoursCondition.class);
        assertThat(registry.condition("from")).as("built-ins stay registered").isNotNull();
    }
}
