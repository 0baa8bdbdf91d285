package dev.ivrflow.app.security;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;

/**
 * API tokens in MongoDB, collection {@value #TOKENS}. A token is {@code ivr_} and 32 random bytes in base64url
 * (256 bits): guessing one is hopeless, so a fast SHA-256 of it is enough to store (a slow password hash protects
 * weak secrets, and these are not weak). The database holds the hash, never the token.
 */
final class ApiTokenStore {
    static final String TOKENS = "apiTokens";
    static final String PREFIX = "ivr_";
    /** {@code lastUsedAt} is written at most this often per token, not on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> tokens;
    private final Clock clock;

    ApiTokenStore(MongoDatabase db, Clock clock) {
        this.tokens = db.getCollection(TOKENS);
        this.clock = clock;
    }

    Mono<Void> createIndexes() {
        return Mono.from(tokens.createIndex(Indexes.ascending("hash"), new IndexOptions().unique(true).name("hash"))).then();
    }

    /** A new token and its secret, which the caller shows once. */
    Mono<Created> create(String name, Role role, Instant expiresAt, String createdBy) {
        String secret = PREFIX + random(32);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ApiToken token = new ApiToken(random(12), name, role, createdBy, now, expiresAt, null, false, null, null);
        Document doc = new Document("_id", token.id()).append("hash", hash(secret)).append("name", name)
                .append("role", role.name()).append("createdBy", createdBy).append("createdAt", Date.from(now))
                .append("expiresAt", expiresAt == null ? null : Date.from(expiresAt)).append("lastUsedAt", null)
                .append("revoked", false);
        return Mono.from(tokens.insertOne(doc)).thenReturn(new Created(token, secret));
    }

    Flux<ApiToken> all() {
        return Flux.from(tokens.find().sort(Sorts.ascending("createdAt"))).map(ApiTokenStore::token);
    }

    /** The usable token with this secret, its use recorded; empty when unknown, revoked or expired. */
    Mono<ApiToken> authenticate(String secret) {
        Instant now = clock.instant();
        return Mono.from(tokens.find(Filters.eq("hash", hash(secret))).first()).map(ApiTokenStore::token)
                .filter(t -> t.usable(now))
                .flatMap(t -> touch(t, now).thenReturn(t));
    }

    /** Revokes the token; empty when there is no such token. Revoking twice is harmless. */
    Mono<ApiToken> revoke(String id, String by) {
        return Mono.from(tokens.findOneAndUpdate(Filters.eq("_id", id),
                        Updates.combine(Updates.set("revoked", true), Updates.set("revokedAt", Date.from(clock.instant())),
                                Updates.set("revokedBy", by)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(ApiTokenStore::token);
    }

    private Mono<Void> touch(ApiToken t, Instant now) {
        if (t.lastUsedAt() != null && t.lastUsedAt().isAfter(now.minus(TOUCH_EVERY))) return Mono.empty();
        return Mono.from(tokens.updateOne(Filters.eq("_id", t.id()), Updates.set("lastUsedAt", Date.from(now))))
                .then().onErrorResume(e -> Mono.empty());
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static ApiToken token(Document d) {
        return new ApiToken(d.getString("_id"), d.getString("name"), Role.parse(d.getString("role")).orElse(null),
                d.getString("createdBy"), instant(d.getDate("createdAt")), instant(d.getDate("expiresAt")),
                instant(d.getDate("lastUsedAt")), Boolean.TRUE.equals(d.getBoolean("revoked")),
                instant(d.getDate("revokedAt")), d.getString("revokedBy"));
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    /** A token just made, with its secret. */
    record Created(ApiToken token, String secret) {
    }
}
