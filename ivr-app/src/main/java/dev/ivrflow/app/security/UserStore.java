package dev.ivrflow.app.security;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.ivrflow.app.api.error.ApiException;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Users in MongoDB, collection {@value #USERS}: {@code _id} is the username, then {@code passwordHash} (bcrypt),
 * {@code roles} (upper-case names), {@code createdAt}, {@code updatedAt}, {@code passwordChangedAt} and
 * {@code disabled}. Takes hashes, never passwords.
 */
final class UserStore {
    static final String USERS = "users";

    private final MongoCollection<Document> users;
    private final Clock clock;

    UserStore(MongoDatabase db, Clock clock) {
        this.users = db.getCollection(USERS);
        this.clock = clock;
    }

    /** The index the last-admin check uses; idempotent, run at start. */
    Mono<Void> createIndexes() {
        return Mono.from(users.createIndex(Indexes.ascending("roles"), new IndexOptions().name("roles"))).then();
    }

    Mono<Boolean> anyUser() {
        return Mono.from(users.find().projection(new Document("_id", 1)).first()).hasElement();
    }

    Mono<UserAccount> find(String username) {
        return Mono.from(users.find(Filters.eq("_id", username)).first()).map(UserStore::account);
    }

    Flux<UserAccount> all() {
        return Flux.from(users.find().sort(Sorts.ascending("_id"))).map(UserStore::account);
    }

    /** Adds a user; a 409 when the name is taken. */
    Mono<UserAccount> create(String username, String passwordHash, Set<Role> roles) {
        Instant now = now();
        UserAccount account = new UserAccount(username, passwordHash, roles, now, now, now, false);
        return Mono.from(users.insertOne(document(account))).thenReturn(account)
                .onErrorMap(UserStore::duplicateKey, e -> ApiException.conflict("a user named '" + username + "' already exists"));
    }

    /** Changes what is given (null: unchanged); empty when there is no such user. */
    Mono<UserAccount> update(String username, Set<Role> roles, Boolean disabled, String passwordHash) {
        Instant now = now();
        List<Bson> set = new ArrayList<>();
        set.add(Updates.set("updatedAt", Date.from(now)));
        if (roles != null) set.add(Updates.set("roles", names(roles)));
        if (disabled != null) set.add(Updates.set("disabled", disabled));
        if (passwordHash != null) {
            set.add(Updates.set("passwordHash", passwordHash));
            set.add(Updates.set("passwordChangedAt", Date.from(now)));
        }
        return Mono.from(users.findOneAndUpdate(Filters.eq("_id", username), Updates.combine(set),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(UserStore::account);
    }

    /** Whether a user was deleted. */
    Mono<Boolean> delete(String username) {
        return Mono.from(users.deleteOne(Filters.eq("_id", username))).map(r -> r.getDeletedCount() > 0);
    }

    /** Enabled users holding the admin role. */
    Mono<Long> activeAdmins() {
        return Mono.from(users.countDocuments(Filters.and(Filters.eq("roles", Role.ADMIN.name()), Filters.ne("disabled", true))));
    }

    /** Millisecond precision, which is what MongoDB keeps: a session opened now compares equal after a round trip. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Document document(UserAccount a) {
        return new Document("_id", a.username()).append("passwordHash", a.passwordHash()).append("roles", names(a.roles()))
                .append("createdAt", Date.from(a.createdAt())).append("updatedAt", Date.from(a.updatedAt()))
                .append("passwordChangedAt", Date.from(a.passwordChangedAt())).append("disabled", a.disabled());
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toList();
    }

    private static UserAccount account(Document d) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        List<?> names = d.get("roles", List.class);
        if (names != null) {
            for (Object n : names) Role.parse(String.valueOf(n)).ifPresent(roles::add);
        }
        Date changed = d.getDate("passwordChangedAt");
        return new UserAccount(d.getString("_id"), d.getString("passwordHash"), roles, instant(d.getDate("createdAt")),
                instant(d.getDate("updatedAt")), changed == null ? null : changed.toInstant(),
                Boolean.TRUE.equals(d.getBoolean("disabled")));
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static boolean duplicateKey(Throwable e) {
        return e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
