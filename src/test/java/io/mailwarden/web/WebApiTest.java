package io.mailwarden.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.mailwarden.daemon.DaemonLauncher;
import io.mailwarden.state.ArchiveCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON API over a real archive: authentication, errors that name the problem, safe downloads. */
@QuarkusTest
@TestProfile(WebFixture.Profile.class)
class WebApiTest {

    private static WebFixture fixture;

    @Inject
    DaemonLauncher launcher;

    @Inject
    ArchiveCatalog catalog;

    @BeforeEach
    void startDaemonOnce() throws Exception {
        if (fixture == null) {
            fixture = WebFixture.start(launcher, catalog);
        }
    }

    @AfterAll
    static void stopDaemon() {
        if (fixture != null) {
            fixture.close();
            fixture = null;
        }
    }

    private static io.restassured.specification.RequestSpecification authorized() {
        return given().header("Authorization", "Bearer " + WebFixture.TOKEN);
    }

    @Test
    void apiNeedsTheBearerTokenButHealthStaysOpen() {
        given().get("/api/status").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"))
                .body("error", containsString("Authorization: Bearer"));
        given().header("Authorization", "Bearer wrong-token").get("/api/search?q=发票").then().statusCode(401);
        given().header("Authorization", "Basic " + WebFixture.TOKEN).get("/api/status").then().statusCode(401);
        given().get("/api/no-such-endpoint").then().statusCode(401);
        authorized().get("/api/status").then().statusCode(200).body("running", equalTo(true))
                .body("accounts", hasItem(WebFixture.ACCOUNT)).body("counts.indexed", equalTo(WebFixture.MESSAGES))
                .body("counts.archived", equalTo(WebFixture.MESSAGES)).body("counts.linkedFilesPending", equalTo(0))
                .body("counts.linkedFilesGone", equalTo(0));
        assertThat(given().get("/q/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void malformedQueryIsA400ThatPointsAtTheProblem() {
        authorized().get("/api/search?q=(发票").then().statusCode(400).body("error", notNullValue())
                .body("position", equalTo(0));
    }

    @Test
    void badParametersAre400sNamingTheParameter() {
        authorized().get("/api/search?q=发票&limit=many").then().statusCode(400).body("error", containsString("limit"));
        authorized().get("/api/search?q=发票&limit=100000").then().statusCode(400).body("error", containsString("limit"));
        authorized().get("/api/search?q=发票&sort=size").then().statusCode(400).body("error", containsString("sort"));
        String id = invoiceId();
        authorized().get("/api/messages/" + id + "/attachments/x").then().statusCode(400)
                .body("error", containsString("attachment number"));
    }

    @Test
    void unknownMessagesAndAttachmentsAre404s() {
        authorized().get("/api/messages/nope").then().statusCode(404).body("error", containsString("nope"));
        authorized().get("/api/messages/nope/raw").then().statusCode(404);
        authorized().get("/api/messages/" + invoiceId() + "/attachments/7").then().statusCode(404);
    }

    @Test
    void chineseAttachmentNameArrivesExactAndSafe() {
        Response r = authorized().get("/api/messages/" + invoiceId() + "/attachments/0");
        r.then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        assertThat(r.asByteArray()).isEqualTo(WebFixture.ATTACHMENT);
        // the quotes in the mail's name are dropped; the Chinese name travels as RFC 5987 UTF-8
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"____ __.txt\"; filename*=UTF-8''"
                + "%E5%8F%91%E7%A5%A8%E6%B8%85%E5%8D%95%20%E4%B8%89%E6%9C%88.txt");
    }

    @Test
    void rawIsTheOriginalMessage() {
        Response r = authorized().get("/api/messages/" + invoiceId() + "/raw");
        r.then().statusCode(200).contentType("message/rfc822");
        assertThat(r.asString()).contains("Subject: =?UTF-8?").contains("finance@vendor.example");
    }

    @Test
    void searchFindsChineseWordsAndListsAttachments() {
        authorized().get("/api/search?q=增值税发票").then().statusCode(200).body("total", equalTo(1))
                .body("hits[0].subject", equalTo(WebFixture.INVOICE_SUBJECT))
                .body("hits[0].attachments[0].name", equalTo(WebFixture.ATTACHMENT_NAME))
                .body("hits[0].from[0].name", equalTo("财务部"));
    }

    @Test
    void rulesListTheLoadedSetAndMetricsAreOffByDefault() {
        authorized().get("/api/rules").then().statusCode(200).body("lastReloadOk", equalTo(true));
        given().get("/q/metrics").then().statusCode(404);
        String openapi = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/messages/{id}/attachments/{n}").contains("scheme: bearer")
                .contains("#/components/schemas/MessageView");
    }

    private static String invoiceId() {
        return authorized().get("/api/search?q=增值税发票").then().statusCode(200).extract().path("hits[0].id");
    }
}
