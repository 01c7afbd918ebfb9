package dev.telec.migrations.teleclaude;

import static dev.telec.migrations.teleclaude.TestHomes.context;
import static dev.telec.migrations.teleclaude.TestHomes.read;
import static dev.telec.migrations.teleclaude.TestHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotificationSubscriptionsTest {

    private final FileSystem fs = TestHomes.jimfs();
    private final Path home = TestHomes.home(fs);
    private final NotificationSubscriptions step = new NotificationSubscriptions();

    @AfterEach
    void close() throws Exception {
        fs.close();
    }

    @Test
    void channelsBecomeSubscriptionsAndEveryOtherLineSurvivesAsItWas() throws Exception {
        Path file = write(home.resolve("people/alice/teleclaude.yml"), """
                # Alice's overrides

                name: Alice  # display name
                notifications:
                  channels:
                    - telegram
                    - email
                  quiet_hours: "22:00-07:00"

                # last
                notify: true
                """);
        var ctx = context(home, "1.2.0/003_notification_subscriptions");
        assertThat(step.check(ctx)).isFalse();
        assertThat(step.migrate(ctx)).isTrue();
        assertThat(step.check(ctx)).isTrue();
        assertThat(read(file)).isEqualTo("""
                # Alice's overrides

                name: Alice  # display name
                notifications:
                  quiet_hours: "22:00-07:00"

                # last
                notify: true
                subscriptions:
                  - channel: telegram
                    events: all
                  - channel: email
                    events: all
                """);
        String once = read(file);
        step.migrate(ctx);
        assertThat(read(file)).isEqualTo(once);
    }

    @Test
    void anEmptiedNotificationsIsRemovedAndExistingSubscriptionsAreKept() throws Exception {
        Path file = write(home.resolve("people/bob/teleclaude.yml"),
                "name: Bob\nnotifications:\n  channels: [telegram, email]\nsubscriptions:\n  - channel: email\n    events: mentions\n");
        step.migrate(context(home, "x"));
        assertThat(read(file)).isEqualTo(
                "name: Bob\nsubscriptions:\n  - channel: email\n    events: mentions\n  - channel: telegram\n    events: all\n");
    }

    @Test
    void checkHoldsWithoutPeopleOrChannels() throws Exception {
        assertThat(step.check(context(home, "x"))).isTrue();
        write(home.resolve("people/carol/teleclaude.yml"), "name: Carol\n");
        assertThat(step.check(context(home, "x"))).isTrue();
    }

    @Test
    void channelsThatAreNotAListFailNamingTheFileAndWriteNothing() throws Exception {
        Path file = write(home.resolve("people/dan/teleclaude.yml"), "notifications:\n  channels: telegram\n");
        assertThatThrownBy(() -> step.migrate(context(home, "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(file + ": notifications.channels is not a list of channel names; fix it by hand");
        assertThat(read(file)).isEqualTo("notifications:\n  channels: telegram\n");
    }
}
