package dev.ivrflow.app.runtime;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which flow answers which number: MongoDB collection {@code routes}, one document per number
 * ({@code _id} the number as FreeSWITCH passes it in {@code destination_number}, {@code flowId}, an optional
 * {@code description}, who set it and when). Every instance reads the same collection, so a route set on one is used
 * by all of them at the next call.
 *
 * <p>A called number is matched exactly first, then by the longest route that is a prefix of it: with routes
 * {@code +1212555} and {@code +12125550100}, a call to {@code +12125550100} takes the second and one to
 * {@code +12125550199} the first. The match is one indexed query ({@code _id} in the number's prefixes).
 */
public final class NumberRoutes {
    static final String COLLECTION = "routes";
    /** What a route's number may be: the digits, {@code *} and {@code #} a caller can dial, with an optional {@code +}. */
    public static final String NUMBER_PATTERN = "^\\+?[0-9*#]{1,32}$";
    public static final int MAX_DESCRIPTION = 200;
    private static final Pattern NUMBER = Pattern.compile(NUMBER_PATTERN);
    private static final Pattern CALLED = Pattern.compile("^\\+?[0-9*#]{1,64}$");

    /** One route. */
    public record Route(String number, String flowId, String description, Instant updatedAt, String updatedBy) {
    }

    private final MongoCollection<Document> routes;

    public NumberRoutes(MongoDatabase db) {
        this.routes = db.getCollection(COLLECTION);
    }

    public static boolean validNumber(String number) {
        return number != null && NUMBER.matcher(number).matches();
    }

    public Mono<Void> createIndexes() {
        return Mono.from(routes.createIndex(Indexes.ascending("flowId"), new IndexOptions().name("flow"))).then();
    }

    /** Every route, by number. */
    public Flux<Route> all() {
        return Flux.from(routes.find().sort(Sorts.ascending("_id"))).map(NumberRoutes::route);
    }

    /** The routes to one flow, by number. */
    public Flux<Route> forFlow(String flowId) {
        return Flux.from(routes.find(Filters.eq("flowId", flowId)).sort(Sorts.ascending("_id"))).map(NumberRoutes::route);
    }

    /** The number's own route (no prefix matching). */
    public Mono<Route> forNumber(String number) {
        return Mono.from(routes.find(Filters.eq("_id", number)).first()).map(NumberRoutes::route);
    }

    /** Sets the number's route, whatever flow it led to; gives the route it replaced, if any. */
    public Mono<Optional<Route>> put(Route route) {
        return put(route, true);
    }

    /**
     * Sets the number's route; gives the route it replaced, if any. Unless {@code takeFromOtherFlow}, a number that
     * leads to another flow is left alone and the answer is a {@link NumberTakenException}: one atomic operation (an
     * upsert of the number for this flow, which the unique {@code _id} refuses when another flow holds it), so two
     * editors routing the same number to two flows at once cannot both win.
     */
    public Mono<Optional<Route>> put(Route route, boolean takeFromOtherFlow) {
        Document doc = new Document("_id", route.number()).append("flowId", route.flowId())
                .append("description", route.description()).append("updatedAt", Date.from(route.updatedAt()))
                .append("updatedBy", route.updatedBy());
        var filter = takeFromOtherFlow ? Filters.eq("_id", route.number())
                : Filters.and(Filters.eq("_id", route.number()), Filters.eq("flowId", route.flowId()));
        return Mono.from(routes.findOneAndReplace(filter, doc,
                        new FindOneAndReplaceOptions().upsert(true).returnDocument(ReturnDocument.BEFORE)))
                .map(d -> Optional.of(route(d)))
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(NumberRoutes::duplicateKey, e -> forNumber(route.number())
                        .flatMap(owner -> Mono.<Optional<Route>>error(new NumberTakenException(owner)))
                        .switchIfEmpty(Mono.defer(() -> put(route, false))));
    }

    /** The number leads to another flow, and the caller did not ask to take it. */
    public static final class NumberTakenException extends RuntimeException {
        private final transient Route owner;

        NumberTakenException(Route owner) {
            super("number " + owner.number() + " leads to flow '" + owner.flowId() + "'", null, false, false);
            this.owner = owner;
        }

        public Route owner() {
            return owner;
        }
    }

    private static boolean duplicateKey(Throwable e) {
        return e instanceof MongoCommandException c && c.getErrorCode() == 11000
                || e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /** Removes the number's route if it leads to {@code flowId}; true when one was removed. */
    public Mono<Boolean> delete(String number, String flowId) {
        return Mono.from(routes.deleteOne(Filters.and(Filters.eq("_id", number), Filters.eq("flowId", flowId))))
                .map(r -> r.getDeletedCount() > 0);
    }

    /** The route for a called number: exact, else the longest prefix; empty when none (or not a dialable number). */
    public Mono<Route> match(String calledNumber) {
        List<String> prefixes = prefixes(calledNumber);
        if (prefixes.isEmpty()) return Mono.empty();
        return Flux.from(routes.find(Filters.in("_id", prefixes))).map(NumberRoutes::route)
                .collectList()
                .flatMap(found -> Mono.justOrEmpty(found.stream().max(Comparator.comparingInt(r -> r.number().length()))));
    }

    /** Every prefix of the number that could be a route, longest first. */
    static List<String> prefixes(String calledNumber) {
        if (calledNumber == null || !CALLED.matcher(calledNumber).matches()) return List.of();
        List<String> out = new ArrayList<>();
        for (int end = Math.min(calledNumber.length(), 32); end >= 1; end--) {
            String p = calledNumber.substring(0, end);
            if (validNumber(p)) out.add(p);
        }
        return out;
    }

    private static Route route(Document d) {
        Date at = d.getDate("updatedAt");
        return new Route(d.getString("_id"), d.getString("flowId"), d.getString("description"),
                at == null ? null : at.toInstant(), d.getString("updatedBy"));
    }
}
