/**
 * GENERATED FILE: do not edit. Written by scripts/generate.ts (openapi-typescript)
 * from openapi/openapi.yaml. Change the spec, then run `npm run generate`.
 */

export interface paths {
    "/v1/classes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the active classes
         * @description Required scope: `CLASSES_READ`.
         *
         *     Returns, one slice at a time, the classes that have at least one slot scheduled between
         *     one day ago and 14 days from now. Page through the slices as described for `offset`.
         */
        get: operations["getActiveClasses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/classes/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the slots of all classes in a date window
         * @description Required scope: `CLASSES_READ`.
         *
         *     Returns, one slice at a time, the slots of every class that fall between
         *     `slotWindowStartDate` and that date plus `daysAhead` days.
         */
        get: operations["getClassSlotsForMultipleClasses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/classes/{classId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one class
         * @description Required scope: `CLASSES_READ`.
         *
         *     Returns a class with its details and the rule for how late a booking of it may be
         *     canceled.
         */
        get: operations["getClassById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/classes/{classId}/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the slots of one class
         * @description Required scope: `CLASSES_READ`.
         *
         *     Returns, one slice at a time, the slots of the class scheduled between one day ago and
         *     14 days from now.
         */
        get: operations["getClassSlots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/classes/{classId}/slots/{classSlotId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one slot of a class
         * @description Required scope: `CLASSES_READ`.
         *
         *     Returns one scheduled slot with its times, room, instructors, booking window and
         *     participant counts.
         */
        get: operations["getClassSlotById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/classes/booking/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check whether a customer can book a slot
         * @description Required scope: `CLASSES_WRITE`.
         *
         *     Runs the same checks as a booking without booking anything, so it is safe to send
         *     twice (`x-idempotent`: clients may retry it like a read). A slot that cannot be booked
         *     still answers 200; `validationStatus` says why. Call it before offering a "book" button
         *     and book only on `AVAILABLE`.
         */
        post: operations["validateClassSlot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/classes/booking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a customer's class bookings
         * @description Required scope: `CLASSES_READ`.
         *
         *     Returns the class bookings of one customer whose period starts and ends within two
         *     weeks before or after the time of the request. The answer is a plain JSON array, not a
         *     slice: there is no paging.
         */
        get: operations["getClassBookingsByCustomerId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/classes/booking/book": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Book a class slot for a customer
         * @description Required scope: `CLASSES_WRITE`.
         *
         *     Books the customer into the class slot. When the slot is full but has a waiting list,
         *     the booking is placed on the waiting list and `bookingStatus` says so. Validate the
         *     slot first to learn why a booking would be refused.
         */
        post: operations["bookClassSlot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/classes/booking/{bookingId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one class booking
         * @description Required scope: `CLASSES_READ`.
         *
         *     Returns a booking with its current status, as made by `bookClassSlot`.
         */
        get: operations["getClassBookingById"];
        put?: never;
        post?: never;
        /**
         * Cancel a class booking
         * @description Required scope: `CLASSES_WRITE`.
         *
         *     Cancels the booking. Success is a 200 answer with no body. Whether a late cancellation
         *     is allowed follows the class's `cancelCondition`.
         */
        delete: operations["cancelClassSlotById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trial-offers/bookable-trial-offers/classes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the classes bookable as a free trial
         * @description Required scope: `TRIAL_OFFER_READ`.
         *
         *     Returns, one slice at a time, the classes a prospect may try for free, looking up to a
         *     year ahead. Each entry pairs the class with the id of the trial offer it is bookable
         *     under: read that offer's rules with `getTrialOfferConfig`, and list the class's slots
         *     with `getClassSlotsForTrialOffers`, passing `trialOfferClass.id` as `classId`.
         */
        get: operations["getBookableTrialOfferClasses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trial-offers/config/{configId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the rules of a trial offer
         * @description Required scope: `TRIAL_OFFER_READ`.
         *
         *     Returns one trial offer's configuration: how often a prospect may use it, whether a
         *     booking has to be confirmed and by when, and which personal details the sign-up form
         *     must ask for (`leadDataConfig`). Pass the `trialOfferConfigId` of an entry of
         *     `getBookableTrialOfferClasses`.
         */
        get: operations["getTrialOfferConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trial-offers/lead/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check whether a prospect can sign up for a trial offer
         * @description Required scope: `TRIAL_OFFER_WRITE`.
         *
         *     Runs the checks of `createLeadCustomer` without registering anyone, so it is safe to
         *     send twice (`x-idempotent`: clients may retry it like a read). Details that cannot be
         *     accepted still answer 200; `validationStatus` says what is wrong.
         */
        post: operations["validateForLeadCustomerCreation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trial-offers/lead/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a prospect as a lead for a trial offer
         * @description Required scope: `TRIAL_OFFER_WRITE`.
         *
         *     Registers the prospect as a lead customer of the studio under the trial offer and
         *     answers with the new customer's id: book the trial with it as `customerId`. Not
         *     idempotent: what a second call with the same details does is not documented, so never
         *     send it again after an ambiguous failure (a timeout, a dropped connection, a 5xx). Check
         *     with `validateForLeadCustomerCreation` first; it answers `DUPLICATE_CUSTOMER` once the
         *     prospect is registered.
         */
        post: operations["createLeadCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trial-offers/bookable-trial-offers/classes/{classId}/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the slots of a class offered as a trial
         * @description Required scope: `TRIAL_OFFER_READ`.
         *
         *     Returns, one slice at a time, the slots of one class offered as a trial, scheduled
         *     between one day ago and 14 days from now. Each slot has the same shape as in
         *     `getClassSlots`; pass its `id` as `classSlotId` to validate and book.
         */
        get: operations["getClassSlotsForTrialOffers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trial-offers/classes/booking/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check whether a lead can book a trial slot
         * @description Required scope: `TRIAL_OFFER_WRITE`.
         *
         *     Runs the checks of a trial booking without booking anything, so it is safe to send
         *     twice (`x-idempotent`: clients may retry it like a read). Pass the `leadCustomerId` of
         *     `createLeadCustomer` as `customerId`. A slot the lead cannot book still answers 200;
         *     `validationStatus` says why. Book only on `AVAILABLE`.
         */
        post: operations["validateClassSlotForTrialOffers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trial-offers/classes/booking/book": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Book a lead into a trial slot
         * @description Required scope: `TRIAL_OFFER_WRITE`.
         *
         *     Books the lead into the class slot under the trial offer. When the offer asks for a
         *     confirmation, `bookingStatus` is `BOOKED_WITH_CONFIRMATION_REQUIRED`: have the prospect
         *     confirm, then call `confirmTrialOfferBooking` before the offer's deadline, or the booking
         *     is canceled. Not idempotent: never send it again after an ambiguous failure (a timeout, a
         *     dropped connection, a 5xx), since the first attempt may have booked; look for the
         *     booking with `getClassBookingsByCustomerId` instead.
         */
        post: operations["bookClassSlotForTrialOffers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trial-offers/bookings/{bookingId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a trial booking
         * @description Required scope: `TRIAL_OFFER_WRITE`.
         *
         *     Records that the prospect confirmed a trial booking made with
         *     `BOOKED_WITH_CONFIRMATION_REQUIRED`, typically when they follow the link in the message
         *     the integration sent them. `CONFIRMED` means the place is kept; `EXPIRED` means the
         *     offer's `confirmationOfBookingTerm` had passed and the booking is not kept. The call
         *     takes no body.
         *
         *     Safe to send twice (`x-idempotent`): it only moves an existing booking from awaiting
         *     confirmation to confirmed and never creates one, so a repeat cannot book the lead twice.
         *     The answer to a repeat is not documented, and a repeat that arrives after the deadline
         *     may answer `EXPIRED` although the first attempt was in time: read the booking with
         *     `getClassBookingById` when in doubt.
         */
        post: operations["confirmTrialOfferBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    CLASS_BOOKING_CREATED: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A class booking was made
         * @description Sent when a customer was booked into a class slot, through this API or anywhere else.
         *     `entityId` is the new booking's id; read it with `getClassBookingById`. A trial booking
         *     that needs a confirmation is announced once it is confirmed.
         */
        post: operations["classBookingCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    CLASS_BOOKING_UPDATED: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A class booking changed
         * @description Sent when a booking changed, for example when a place on the waiting list turned into a
         *     booked place. `entityId` is the booking's id; read it with `getClassBookingById`.
         */
        post: operations["classBookingUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    CLASS_BOOKING_CANCELLED: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A class booking was canceled
         * @description Sent when a booking was canceled. `entityId` is the booking's id; it now reads
         *     `bookingStatus: CANCELED`.
         */
        post: operations["classBookingCancelled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    CLASS_SLOT_UPDATED: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A class slot changed
         * @description Sent when a slot's time or resources (room, instructors) changed. `entityId` is the
         *     slot's id and `content.classId`, when the API sends it, its class; read the slot with
         *     `getClassSlotById`.
         */
        post: operations["classSlotUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    CLASS_SLOT_CANCELLED: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A class slot was canceled
         * @description Sent when the studio called a slot off. `entityId` is the slot's id and
         *     `content.classId`, when the API sends it, its class; the slot and its bookings read
         *     `classSlotStatus: CANCELED`.
         */
        post: operations["classSlotCancelled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @description Names a customer and the class slot to book, or to check, for them. The API does not
         *     refuse other fields in this body; this package's client sends only these two.
         */
        ClassSlotBookingRequest: {
            /**
             * Format: int64
             * @description The customer to book.
             * @example 203
             */
            customerId: number;
            /**
             * Format: int64
             * @description The class slot to book the customer into.
             * @example 20334
             */
            classSlotId: number;
        };
        /** @description One customer's booking of one class slot. */
        ClassSlotBookingResult: {
            /**
             * Format: int64
             * @description Identifies the booking; use it to read or cancel the booking later.
             * @example 2033
             */
            bookingId: number;
            /**
             * @description Where the booking stands.
             * @enum {string}
             */
            bookingStatus: "BOOKED" | "BOOKED_WITH_CONFIRMATION_REQUIRED" | "WAITING_LIST" | "CANCELED";
            /**
             * Format: int64
             * @description The booked class slot.
             * @example 20334
             */
            classSlotId: number;
            /**
             * Format: int64
             * @description The class the booked slot belongs to.
             * @example 14928
             */
            classId: number;
            /**
             * Format: int64
             * @description The customer who holds the booking.
             * @example 203
             */
            customerId: number;
            /**
             * @description Whether the slot is still to come, was called off, or has taken place.
             * @enum {string}
             */
            classSlotStatus: "PLANNED" | "CANCELED" | "COMPLETED";
            /**
             * @description Whether the customer took part in the slot; UNSET until attendance is recorded.
             * @enum {string}
             */
            participantStatus: "PARTICIPATING" | "NOT_PARTICIPATING" | "UNSET";
        };
        /** @description A group class a studio offers, such as a yoga or cycling course. */
        Class: {
            /**
             * Format: int64
             * @description Identifies the class.
             * @example 14928
             */
            id: number;
            /** @description The name shown to customers. */
            title?: string;
            /**
             * @description Whether the class takes place in the studio or is streamed.
             * @enum {string}
             */
            type?: "STUDIO" | "STREAM";
            /**
             * Format: int32
             * @description How long one slot of the class lasts, in minutes.
             */
            duration?: number;
            /** @description A grouping such as the kind of sport. */
            category?: string;
            /** @description Text about the class for customers. */
            description?: string;
            /** @description Where the class's picture can be loaded from. */
            imgUrl?: string;
            /** @description Whether customers can book the class through the API. */
            bookable: boolean;
            cancelCondition?: components["schemas"]["ClassCancelationCondition"];
        };
        /** @description How late a booking of the class may still be canceled. */
        ClassCancelationCondition: {
            /** @description Whether a booking may be canceled even after the deadline has passed. */
            cancelationAfterLatestPossible?: boolean;
            latestCancelTerm?: components["schemas"]["TermWithMinutes"];
        };
        /** @description A length of time before the slot starts, given as an amount and a unit. */
        TermWithMinutes: {
            /**
             * Format: int32
             * @description How many units.
             * @example 2
             */
            value: number;
            /**
             * @description The unit the amount counts in.
             * @enum {string}
             */
            unit: "MINUTES" | "HOURS" | "DAY" | "WEEK" | "MONTH" | "YEAR";
        };
        /** @description One scheduled occurrence of a class, with its booking window and counts. */
        ClassSlot: {
            /**
             * Format: int64
             * @description Identifies the slot; pass it as `classSlotId` to validate or book.
             * @example 20334
             */
            id: number;
            /**
             * Format: date-time
             * @description When the slot begins. A point in time in RFC 3339 form. Servers may append a zone id in brackets
             *     (`2026-12-01T09:00:00.000+01:00[Europe/Berlin]`), which RFC 3339 does not allow:
             *     clients must treat the value as text and not reject it.
             * @example 2026-12-01T09:00:00.000+01:00
             */
            startDateTime?: string;
            /**
             * Format: date-time
             * @description When the slot ends. A point in time in RFC 3339 form. Servers may append a zone id in brackets
             *     (`2026-12-01T09:00:00.000+01:00[Europe/Berlin]`), which RFC 3339 does not allow:
             *     clients must treat the value as text and not reject it.
             * @example 2026-12-01T09:00:00.000+01:00
             */
            endDateTime?: string;
            classInformation?: components["schemas"]["BasicClass"];
            /** @description Who leads the slot. */
            instructors?: components["schemas"]["Instructor"][];
            location?: components["schemas"]["Location"];
            /**
             * Format: date-time
             * @description The first moment a booking is accepted. A point in time in RFC 3339 form. Servers may append a zone id in brackets
             *     (`2026-12-01T09:00:00.000+01:00[Europe/Berlin]`), which RFC 3339 does not allow:
             *     clients must treat the value as text and not reject it.
             * @example 2026-12-01T09:00:00.000+01:00
             */
            earliestBookingDateTime?: string;
            /**
             * Format: date-time
             * @description The last moment a booking is accepted. A point in time in RFC 3339 form. Servers may append a zone id in brackets
             *     (`2026-12-01T09:00:00.000+01:00[Europe/Berlin]`), which RFC 3339 does not allow:
             *     clients must treat the value as text and not reject it.
             * @example 2026-12-01T09:00:00.000+01:00
             */
            latestBookingDateTime?: string;
            /**
             * Format: int32
             * @description How many customers can take part.
             */
            maxParticipants?: number;
            /**
             * Format: int32
             * @description How many customers the waiting list holds.
             */
            maxWaitingListParticipants?: number;
            /**
             * Format: int32
             * @description How many customers have booked a place.
             */
            bookedParticipants?: number;
            /**
             * Format: int32
             * @description How many places staff have booked on behalf of customers.
             */
            additionalParticipants: number;
            /**
             * Format: int32
             * @description How many customers are on the waiting list.
             */
            waitingListParticipants?: number;
        };
        /** @description The class a slot belongs to, in short. */
        BasicClass: {
            /**
             * Format: int64
             * @description Identifies the class.
             */
            id: number;
            /** @description The name shown to customers. */
            title?: string;
            /**
             * Format: int32
             * @description How long the class lasts, in minutes. Sent by newer API versions.
             */
            duration?: number;
            /** @description A grouping such as the kind of sport. Sent by newer API versions. */
            category?: string;
            /** @description Text about the class for customers. Sent by newer API versions. */
            description?: string;
        };
        /** @description A trainer who leads a slot. */
        Instructor: {
            /**
             * Format: int64
             * @description Identifies the instructor.
             */
            id: number;
            /** @description The instructor's first name. */
            firstName: string;
            /** @description The instructor's last name. */
            lastName: string;
            /** @description The name to show customers, when the studio set one. */
            publicName?: string;
        };
        /** @description The room or place where a slot is held. */
        Location: {
            /**
             * Format: int64
             * @description Identifies the location.
             */
            id: number;
            /** @description The name of the room or place. */
            name: string;
            /** @description More about how to find it. */
            description?: string;
        };
        /**
         * @description One slice of active classes. Send `offset` back to get the next slice; `hasNext: false` marks
         *     the last one.
         */
        ClassSlicedResult: {
            /** @description The active classes in this slice (at most 100, the largest slice size). */
            result: components["schemas"]["Class"][];
            /** @description Whether another slice follows this one. */
            hasNext: boolean;
            /** @description Send this value back as the `offset` query parameter to get the next slice. */
            offset: string;
        };
        /**
         * @description One slice of class slots. Send `offset` back to get the next slice; `hasNext: false` marks
         *     the last one.
         */
        ClassSlotSlicedResult: {
            /** @description The class slots in this slice (at most 100, the largest slice size). */
            result: components["schemas"]["ClassSlot"][];
            /** @description Whether another slice follows this one. */
            hasNext: boolean;
            /** @description Send this value back as the `offset` query parameter to get the next slice. */
            offset: string;
        };
        /** @description Whether a customer could book a slot now, and if not, why. */
        ClassSlotBookingValidationResult: {
            /**
             * @description AVAILABLE when a booking would succeed; every other value names the reason it would not.
             * @enum {string}
             */
            validationStatus: "AVAILABLE" | "NO_CONTINGENT" | "BOOKING_LIMIT_REACHED" | "CUSTOMER_ALREADY_BOOKED" | "CUSTOMER_IDLE" | "CUSTOMER_IN_OTHER_BOOKING" | "DISPLAY_ONLY" | "DATE_TIME_BEFORE_EARLIEST_BOOKING_DATE_TIME" | "DATE_TIME_AFTER_LATEST_BOOKING_DATE_TIME" | "STUDIO_CLOSED" | "NO_SHOW_PENALTY_ACTIVE" | "NOT_AVAILABLE";
        };
        /** @description The body of every error answer. */
        ErrorResponse: {
            /** @description A readable explanation, in the language picked by `Accept-Language`. */
            errorMessage: string;
            /** @description A stable key for the kind of error; it does not change with the language. */
            errorCode?: string;
            /** @description The server's trace id for the request; quote it when reporting a problem. */
            traceId?: string;
            /**
             * @description Points at the input field that failed validation, as a dotted path.
             * @example parent.child
             */
            reference?: string;
            /**
             * @deprecated
             * @description Values that were filled into the message text. Kept for older clients.
             */
            args?: Record<string, never>[];
            /**
             * @deprecated
             * @description The same values as `args`, each with its type. Kept for older clients.
             */
            typedArgs?: components["schemas"]["TypedArgument"][];
        };
        /** @description One value filled into an error message, with its type. */
        TypedArgument: {
            /** @description The value itself. */
            value?: Record<string, never>;
            /**
             * @description What kind of value it is.
             * @enum {string}
             */
            type?: "TIMESTAMP" | "BOOLEAN" | "DATE" | "MONTH_DAY" | "TIME" | "TERM" | "TERM_LIST" | "INTEGER" | "DECIMAL" | "STRING" | "MONEY" | "LIMITABLE_CONFIG_PROPERTY" | "I18N_KEY" | "I18N_KEY_LIST" | "PERMISSION_LIST" | "ENUM" | "AVAILABILITY_LIST";
        };
        /** @description An event about one class booking, as the API posts it to the integration. */
        ClassBookingEvent: {
            /**
             * Format: int64
             * @description The booking (its `bookingId`).
             * @example 2033
             */
            entityId: number;
            /**
             * Format: uuid
             * @description Identifies this event; a receiver can use it to notice an event it has seen. A uuid is
             *     36 characters long; a longer value is no event of the API.
             * @example 9b2c6f1e-4a53-4c0e-9d6b-2f3a1c7e5d10
             */
            uuid: string;
            /**
             * @description What happened; today always one item, but a receiver should take every item, of any
             *     type (the API sends all of a studio's event types to the URL unless told otherwise).
             */
            payload: components["schemas"]["ClassBookingEventItem"][];
        };
        /** @description One change to the booking. */
        ClassBookingEventItem: {
            /**
             * Format: int64
             * @description When it happened, in milliseconds since 1970-01-01 UTC.
             * @example 1764576000000
             */
            timestamp: number;
            /**
             * @description Which change to the booking.
             * @enum {string}
             */
            type: "CLASS_BOOKING_CREATED" | "CLASS_BOOKING_UPDATED" | "CLASS_BOOKING_CANCELLED";
            /**
             * @description Data that belongs to the event type. The API may leave it out; class booking events
             *     carry nothing in it today, and the API may add fields over time.
             */
            content?: {
                [key: string]: unknown;
            };
        };
        /** @description An event about one class slot, as the API posts it to the integration. */
        ClassSlotEvent: {
            /**
             * Format: int64
             * @description The slot (its `id`, the `classSlotId` of its bookings).
             * @example 20334
             */
            entityId: number;
            /**
             * Format: uuid
             * @description Identifies this event; a receiver can use it to notice an event it has seen. A uuid is
             *     36 characters long; a longer value is no event of the API.
             * @example 9b2c6f1e-4a53-4c0e-9d6b-2f3a1c7e5d10
             */
            uuid: string;
            /**
             * @description What happened; today always one item, but a receiver should take every item, of any
             *     type (the API sends all of a studio's event types to the URL unless told otherwise).
             */
            payload: components["schemas"]["ClassSlotEventItem"][];
        };
        /** @description One change to the slot. */
        ClassSlotEventItem: {
            /**
             * Format: int64
             * @description When it happened, in milliseconds since 1970-01-01 UTC.
             * @example 1764586800000
             */
            timestamp: number;
            /**
             * @description Which change to the slot.
             * @enum {string}
             */
            type: "CLASS_SLOT_UPDATED" | "CLASS_SLOT_CANCELLED";
            content?: components["schemas"]["ClassSlotEventContent"];
        };
        /**
         * @description What a class slot event adds. The API may leave `content` out, or `classId` in it; the API
         *     may add fields over time.
         */
        ClassSlotEventContent: {
            /**
             * Format: int64
             * @description The class the slot belongs to.
             * @example 14928
             */
            classId?: number;
        } & {
            [key: string]: unknown;
        };
        /** @description A class a prospect may book for free, and the trial offer it is bookable under. */
        TrialOfferClass: {
            /**
             * Format: int64
             * @description An id the API sends without saying what it identifies. To list the class's slots use
             *     `trialOfferClass.id`; to read the offer's rules use `trialOfferConfigId`.
             */
            id?: number;
            /**
             * Format: int64
             * @description The trial offer's configuration; pass it as `configId` to `getTrialOfferConfig` and as `trialOfferConfigId` when registering the lead.
             * @example 1
             */
            trialOfferConfigId: number;
            /** @description The class itself, as `getClassById` describes it. */
            trialOfferClass: components["schemas"]["Class"];
        };
        /**
         * @description One slice of classes offered as a trial. Send `offset` back to get the next slice;
         *     `hasNext: false` marks the last one.
         */
        TrialOfferClassesSlicedResult: {
            /** @description The trial classes in this slice. */
            result: components["schemas"]["TrialOfferClass"][];
            /**
             * @description Whether another slice follows this one.
             * @example true
             */
            hasNext: boolean;
            /**
             * @description Send this value back as the `offset` query parameter to get the next slice.
             * @example 14928
             */
            offset: string;
        };
        /** @description The outcome of confirming a trial booking. */
        BookingConfirmationResult: {
            /**
             * @description Whether the confirmation came before the offer's deadline.
             * @example CONFIRMED
             * @enum {string}
             */
            status: "CONFIRMED" | "EXPIRED";
        };
        /**
         * @description The rules of one trial offer: how often a prospect may use it, whether bookings need a
         *     confirmation, and which personal details a prospect has to give.
         */
        TrialOfferConfig: {
            /**
             * Format: int64
             * @description Identifies the configuration (the `trialOfferConfigId` of a trial class).
             * @example 1
             */
            id: number;
            /**
             * @description The offer's name, as the studio set it up.
             * @example One free yoga class
             */
            name: string;
            preventMultipleBookingsTerm: components["schemas"]["Term"];
            /**
             * Format: int32
             * @description How many times one lead may book under this offer.
             * @example 1
             */
            contingent: number;
            confirmationOfBookingTerm?: components["schemas"]["TermWithMinutes"];
            /**
             * @description Whether leads (prospects registered with `createLeadCustomer`) may book under this offer.
             * @example true
             */
            allowBookingForLeads: boolean;
            leadDataConfig: components["schemas"]["TrialOfferLeadDataConfig"];
        };
        /** @description Which optional personal details a trial offer asks of a prospect, and how firmly. */
        TrialOfferLeadDataConfig: {
            /**
             * Format: int64
             * @description Identifies this set of rules.
             * @example 1
             */
            trialOfferLeadDataConfigId: number;
            /**
             * @description Whether the sign-up form asks for the prospect's gender.
             * @example INACTIVE
             * @enum {string}
             */
            genderMode: "INACTIVE" | "OPTIONAL" | "MANDATORY";
            /**
             * @description Whether the sign-up form asks for the prospect's date of birth.
             * @example INACTIVE
             * @enum {string}
             */
            dateOfBirthMode: "INACTIVE" | "OPTIONAL" | "MANDATORY";
            /**
             * @description Whether the sign-up form asks for the prospect's phone number.
             * @example INACTIVE
             * @enum {string}
             */
            telephoneMode: "INACTIVE" | "OPTIONAL" | "MANDATORY";
            /**
             * @description Whether the sign-up form asks for the prospect's postal address.
             * @example INACTIVE
             * @enum {string}
             */
            addressMode: "INACTIVE" | "OPTIONAL" | "MANDATORY";
        };
        /** @description A length of time counted in whole days, weeks, months or years. */
        Term: {
            /**
             * Format: int32
             * @description How many units.
             * @example 2
             */
            value: number;
            /**
             * @description The unit the amount counts in.
             * @example WEEK
             * @enum {string}
             */
            unit: "DAY" | "WEEK" | "MONTH" | "YEAR";
        };
        /**
         * @description A prospect's details and the trial offer they sign up for. The API does not refuse other
         *     fields in this body, nor in the objects inside it.
         */
        TrialOfferLeadCustomerCreationRequest: {
            leadCustomerData: components["schemas"]["LeadData"];
            /**
             * Format: int64
             * @description The trial offer (the `trialOfferConfigId` of a trial class).
             * @example 1
             */
            trialOfferConfigId: number;
        };
        /**
         * @description What a prospect tells about themselves. The offer's `leadDataConfig` says which of the
         *     optional details to ask for.
         */
        LeadData: {
            /**
             * @description The prospect's id in the integration's own system, kept with the lead.
             * @example WEB-20661
             */
            thirdPartyId?: string;
            /**
             * @description The prospect's first name.
             * @example Nora
             */
            firstname: string;
            /** @description A further first name, where the prospect has one. */
            secondFirstname?: string;
            /**
             * @description The prospect's last name.
             * @example Lindqvist
             */
            lastname: string;
            /** @description A further last name, where the prospect has one. */
            secondLastname?: string;
            /**
             * @description The prospect's e-mail address.
             * @example nora.lindqvist@example.org
             */
            email: string;
            /**
             * @description The prospect's gender, where the offer asks for it.
             * @example FEMALE
             * @enum {string}
             */
            gender?: "MALE" | "FEMALE" | "UNISEX";
            /**
             * Format: date
             * @description The prospect's date of birth, where the offer asks for it.
             * @example 1994-03-18
             */
            dateOfBirth?: string;
            /**
             * @description The prospect's phone number, where the offer asks for it, as the prospect typed it.
             * @example 015112345678
             */
            telephone?: string;
            /** @description The language the studio should use with the prospect. */
            language?: components["schemas"]["Language"];
            address?: components["schemas"]["LeadCustomerAddressData"];
        };
        /** @description A language, optionally narrowed to the way a country uses it. */
        Language: {
            /**
             * Format: ISO 639-1
             * @description The language as a two-letter ISO 639-1 code.
             * @example de
             */
            languageCode: string;
            /**
             * Format: ISO 3166-1
             * @description The country as a two-letter ISO 3166-1 code.
             * @example DE
             */
            countryCode?: string;
        };
        /** @description A prospect's postal address. */
        LeadCustomerAddressData: {
            /**
             * @description The street.
             * @example Kastanienallee
             */
            street: string;
            /**
             * @description The house number, letters included.
             * @example 12a
             */
            houseNumber?: string;
            /**
             * @description The postal code.
             * @example 10435
             */
            zipCode: string;
            /**
             * @description The town or city.
             * @example Berlin
             */
            city: string;
        };
        /** @description Whether a prospect could be registered as a lead now, and if not, why. */
        TrialOfferLeadCustomerCreationValidationResult: {
            /**
             * @description POSSIBLE when registering would succeed; the other values name the reason it would not.
             * @example POSSIBLE
             * @enum {string}
             */
            validationStatus: "POSSIBLE" | "INVALID_LEAD_CUSTOMER_DATA" | "DUPLICATE_CUSTOMER";
        };
        /** @description The lead that was registered. */
        TrialOfferLeadCustomerCreationResult: {
            /**
             * Format: int64
             * @description The new lead's customer id; book the trial with it as `customerId`.
             * @example 5120
             */
            leadCustomerId?: number;
        };
    };
    responses: {
        /** @description The integration took the event (or had seen it already). */
        EventReceived: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The integration refused the event because its body is not an event of the spec. */
        EventRefused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The integration refused the event because the webhook key is missing or unknown. */
        EventKeyRefused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The slice size is outside the allowed range, or another value in the request is not accepted. */
        InvalidSliceSize: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The date window is not accepted, or another value in the request is not. */
        InvalidDaysAhead: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The class id is not a valid id, or another value in the request is not accepted. */
        InvalidClassId: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The slot id is not a valid id, or another value in the request is not accepted. */
        InvalidClassSlotId: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description A field of the booking request is missing or not accepted. */
        InvalidBookingRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The customer id is missing or is not a valid id. */
        MissingCustomerId: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The booking id is not a valid id, or another value in the request is not accepted. */
        InvalidBookingId: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The API key is missing or not valid. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The API key is valid but lacks the scope this operation needs. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No studio is set up for the tenant that was called. */
        StudioNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No class has the given id. */
        ClassNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No class slot has the given id (in the given class). */
        ClassSlotNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No customer has the given id. */
        CustomerNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No class booking has the given id. */
        BookingNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Another request changed the same entity at the same time; read it again and retry. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description More than 1000 requests reached this endpoint within a minute. Requests to it are
         *     refused for the following minute.
         */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The server failed to handle the request. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The configuration id is not a valid id, or another value in the request is not accepted. */
        InvalidConfigId: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description A field of the lead's details or of the request around them is missing or not accepted. */
        InvalidLeadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No trial offer configuration has the given id. */
        TrialOfferConfigNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No booking made under a trial offer has the given id. */
        TrialBookingNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /**
         * @description Where the slice starts. Leave it out (or send "0") for the first slice. Every sliced
         *     answer returns an `offset`: send it back unchanged to get the next slice, and stop once
         *     an answer says `hasNext: false`. Treat the value as an opaque string.
         * @example 0
         */
        offset: string;
        /**
         * @description How many items one slice holds at most.
         * @example 50
         */
        sliceSize: number;
        /**
         * @description The class.
         * @example 14928
         */
        classId: number;
        /**
         * @description The slot of that class.
         * @example 20334
         */
        classSlotId: number;
        /**
         * @description The booking, as returned by `bookClassSlot`.
         * @example 2033
         */
        bookingId: number;
        /**
         * @description The trial offer's configuration, as `trialOfferConfigId` of a trial class names it.
         * @example 1
         */
        configId: number;
        /**
         * @description The class offered as a trial (`trialOfferClass.id` of an entry of `getBookableTrialOfferClasses`).
         * @example 14928
         */
        trialOfferClassId: number;
        /**
         * @description The trial booking, as returned by `bookClassSlotForTrialOffers`.
         * @example 2058
         */
        trialBookingId: number;
    };
    requestBodies: {
        /** @description The event, as JSON. */
        ClassBookingEvent: {
            content: {
                "application/json": components["schemas"]["ClassBookingEvent"];
            };
        };
        /** @description The event, as JSON. */
        ClassSlotEvent: {
            content: {
                "application/json": components["schemas"]["ClassSlotEvent"];
            };
        };
    };
    headers: never;
    pathItems: never;
}
export type ClassSlotBookingRequest = components['schemas']['ClassSlotBookingRequest'];
export type ClassSlotBookingResult = components['schemas']['ClassSlotBookingResult'];
export type Class = components['schemas']['Class'];
export type ClassCancelationCondition = components['schemas']['ClassCancelationCondition'];
export type TermWithMinutes = components['schemas']['TermWithMinutes'];
export type ClassSlot = components['schemas']['ClassSlot'];
export type BasicClass = components['schemas']['BasicClass'];
export type Instructor = components['schemas']['Instructor'];
export type Location = components['schemas']['Location'];
export type ClassSlicedResult = components['schemas']['ClassSlicedResult'];
export type ClassSlotSlicedResult = components['schemas']['ClassSlotSlicedResult'];
export type ClassSlotBookingValidationResult = components['schemas']['ClassSlotBookingValidationResult'];
export type ErrorResponse = components['schemas']['ErrorResponse'];
export type TypedArgument = components['schemas']['TypedArgument'];
export type ClassBookingEvent = components['schemas']['ClassBookingEvent'];
export type ClassBookingEventItem = components['schemas']['ClassBookingEventItem'];
export type ClassSlotEvent = components['schemas']['ClassSlotEvent'];
export type ClassSlotEventItem = components['schemas']['ClassSlotEventItem'];
export type ClassSlotEventContent = components['schemas']['ClassSlotEventContent'];
export type TrialOfferClass = components['schemas']['TrialOfferClass'];
export type TrialOfferClassesSlicedResult = components['schemas']['TrialOfferClassesSlicedResult'];
export type BookingConfirmationResult = components['schemas']['BookingConfirmationResult'];
export type TrialOfferConfig = components['schemas']['TrialOfferConfig'];
export type TrialOfferLeadDataConfig = components['schemas']['TrialOfferLeadDataConfig'];
export type Term = components['schemas']['Term'];
export type TrialOfferLeadCustomerCreationRequest = components['schemas']['TrialOfferLeadCustomerCreationRequest'];
export type LeadData = components['schemas']['LeadData'];
export type Language = components['schemas']['Language'];
export type LeadCustomerAddressData = components['schemas']['LeadCustomerAddressData'];
export type TrialOfferLeadCustomerCreationValidationResult = components['schemas']['TrialOfferLeadCustomerCreationValidationResult'];
export type TrialOfferLeadCustomerCreationResult = components['schemas']['TrialOfferLeadCustomerCreationResult'];
export type ResponseEventReceived = components['responses']['EventReceived'];
export type ResponseEventRefused = components['responses']['EventRefused'];
export type ResponseEventKeyRefused = components['responses']['EventKeyRefused'];
export type ResponseInvalidSliceSize = components['responses']['InvalidSliceSize'];
export type ResponseInvalidDaysAhead = components['responses']['InvalidDaysAhead'];
export type ResponseInvalidClassId = components['responses']['InvalidClassId'];
export type ResponseInvalidClassSlotId = components['responses']['InvalidClassSlotId'];
export type ResponseInvalidBookingRequest = components['responses']['InvalidBookingRequest'];
export type ResponseMissingCustomerId = components['responses']['MissingCustomerId'];
export type ResponseInvalidBookingId = components['responses']['InvalidBookingId'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseForbidden = components['responses']['Forbidden'];
export type ResponseStudioNotFound = components['responses']['StudioNotFound'];
export type ResponseClassNotFound = components['responses']['ClassNotFound'];
export type ResponseClassSlotNotFound = components['responses']['ClassSlotNotFound'];
export type ResponseCustomerNotFound = components['responses']['CustomerNotFound'];
export type ResponseBookingNotFound = components['responses']['BookingNotFound'];
export type ResponseConflict = components['responses']['Conflict'];
export type ResponseTooManyRequests = components['responses']['TooManyRequests'];
export type ResponseInternalServerError = components['responses']['InternalServerError'];
export type ResponseInvalidConfigId = components['responses']['InvalidConfigId'];
export type ResponseInvalidLeadRequest = components['responses']['InvalidLeadRequest'];
export type ResponseTrialOfferConfigNotFound = components['responses']['TrialOfferConfigNotFound'];
export type ResponseTrialBookingNotFound = components['responses']['TrialBookingNotFound'];
export type ParameterOffset = components['parameters']['offset'];
export type ParameterSliceSize = components['parameters']['sliceSize'];
export type ParameterClassId = components['parameters']['classId'];
export type ParameterClassSlotId = components['parameters']['classSlotId'];
export type ParameterBookingId = components['parameters']['bookingId'];
export type ParameterConfigId = components['parameters']['configId'];
export type ParameterTrialOfferClassId = components['parameters']['trialOfferClassId'];
export type ParameterTrialBookingId = components['parameters']['trialBookingId'];
export type RequestBodyClassBookingEvent = components['requestBodies']['ClassBookingEvent'];
export type RequestBodyClassSlotEvent = components['requestBodies']['ClassSlotEvent'];
export type $defs = Record<string, never>;
export interface operations {
    getActiveClasses: {
        parameters: {
            query?: {
                /**
                 * @description Where the slice starts. Leave it out (or send "0") for the first slice. Every sliced
                 *     answer returns an `offset`: send it back unchanged to get the next slice, and stop once
                 *     an answer says `hasNext: false`. Treat the value as an opaque string.
                 * @example 0
                 */
                offset?: components["parameters"]["offset"];
                /**
                 * @description How many items one slice holds at most.
                 * @example 50
                 */
                sliceSize?: components["parameters"]["sliceSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One slice of active classes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClassSlicedResult"];
                };
            };
            400: components["responses"]["InvalidSliceSize"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["StudioNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getClassSlotsForMultipleClasses: {
        parameters: {
            query?: {
                /**
                 * @description How many days after the start date the window reaches.
                 * @example 1
                 */
                daysAhead?: number;
                /**
                 * @description The first day of the window, as a calendar date.
                 * @example 2026-12-01
                 */
                slotWindowStartDate?: string;
                /**
                 * @description Where the slice starts. Leave it out (or send "0") for the first slice. Every sliced
                 *     answer returns an `offset`: send it back unchanged to get the next slice, and stop once
                 *     an answer says `hasNext: false`. Treat the value as an opaque string.
                 * @example 0
                 */
                offset?: components["parameters"]["offset"];
                /**
                 * @description How many items one slice holds at most.
                 * @example 50
                 */
                sliceSize?: components["parameters"]["sliceSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One slice of slots in the window, across all classes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClassSlotSlicedResult"];
                };
            };
            400: components["responses"]["InvalidDaysAhead"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["StudioNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getClassById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The class.
                 * @example 14928
                 */
                classId: components["parameters"]["classId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The class. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Class"];
                };
            };
            400: components["responses"]["InvalidClassId"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClassNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getClassSlots: {
        parameters: {
            query?: {
                /**
                 * @description Where the slice starts. Leave it out (or send "0") for the first slice. Every sliced
                 *     answer returns an `offset`: send it back unchanged to get the next slice, and stop once
                 *     an answer says `hasNext: false`. Treat the value as an opaque string.
                 * @example 0
                 */
                offset?: components["parameters"]["offset"];
                /**
                 * @description How many items one slice holds at most.
                 * @example 50
                 */
                sliceSize?: components["parameters"]["sliceSize"];
            };
            header?: never;
            path: {
                /**
                 * @description The class.
                 * @example 14928
                 */
                classId: components["parameters"]["classId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One slice of the class's slots. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClassSlotSlicedResult"];
                };
            };
            400: components["responses"]["InvalidClassId"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClassNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getClassSlotById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The class.
                 * @example 14928
                 */
                classId: components["parameters"]["classId"];
                /**
                 * @description The slot of that class.
                 * @example 20334
                 */
                classSlotId: components["parameters"]["classSlotId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The slot. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClassSlot"];
                };
            };
            400: components["responses"]["InvalidClassSlotId"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClassSlotNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    validateClassSlot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Which customer would be booked into which slot. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClassSlotBookingRequest"];
            };
        };
        responses: {
            /** @description Whether the booking would succeed, and if not, why. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClassSlotBookingValidationResult"];
                };
            };
            400: components["responses"]["InvalidBookingRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClassSlotNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getClassBookingsByCustomerId: {
        parameters: {
            query: {
                /**
                 * @description The customer whose bookings are listed.
                 * @example 203
                 */
                customerId: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer's bookings in the two-week window; an empty array when there are none. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClassSlotBookingResult"][];
                };
            };
            400: components["responses"]["MissingCustomerId"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["CustomerNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    bookClassSlot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Who is booked into which slot. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClassSlotBookingRequest"];
            };
        };
        responses: {
            /** @description The booking that was made. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClassSlotBookingResult"];
                };
            };
            400: components["responses"]["InvalidBookingRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClassSlotNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getClassBookingById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The booking, as returned by `bookClassSlot`.
                 * @example 2033
                 */
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The booking. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClassSlotBookingResult"];
                };
            };
            400: components["responses"]["InvalidBookingId"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["BookingNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    cancelClassSlotById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The booking, as returned by `bookClassSlot`.
                 * @example 2033
                 */
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The booking is canceled. The answer has no body. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidBookingId"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["BookingNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getBookableTrialOfferClasses: {
        parameters: {
            query?: {
                /**
                 * @description Where the slice starts. Leave it out (or send "0") for the first slice. Every sliced
                 *     answer returns an `offset`: send it back unchanged to get the next slice, and stop once
                 *     an answer says `hasNext: false`. Treat the value as an opaque string.
                 * @example 0
                 */
                offset?: components["parameters"]["offset"];
                /**
                 * @description How many items one slice holds at most.
                 * @example 50
                 */
                sliceSize?: components["parameters"]["sliceSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One slice of classes offered as a trial. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrialOfferClassesSlicedResult"];
                };
            };
            400: components["responses"]["InvalidSliceSize"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["StudioNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getTrialOfferConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The trial offer's configuration, as `trialOfferConfigId` of a trial class names it.
                 * @example 1
                 */
                configId: components["parameters"]["configId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trial offer's configuration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrialOfferConfig"];
                };
            };
            400: components["responses"]["InvalidConfigId"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TrialOfferConfigNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    validateForLeadCustomerCreation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrialOfferLeadCustomerCreationRequest"];
            };
        };
        responses: {
            /** @description Whether the prospect could be registered, and if not, why. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrialOfferLeadCustomerCreationValidationResult"];
                };
            };
            400: components["responses"]["InvalidLeadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TrialOfferConfigNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createLeadCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrialOfferLeadCustomerCreationRequest"];
            };
        };
        responses: {
            /** @description The lead that was registered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrialOfferLeadCustomerCreationResult"];
                };
            };
            400: components["responses"]["InvalidLeadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TrialOfferConfigNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getClassSlotsForTrialOffers: {
        parameters: {
            query?: {
                /**
                 * @description Where the slice starts. Leave it out (or send "0") for the first slice. Every sliced
                 *     answer returns an `offset`: send it back unchanged to get the next slice, and stop once
                 *     an answer says `hasNext: false`. Treat the value as an opaque string.
                 * @example 0
                 */
                offset?: components["parameters"]["offset"];
                /**
                 * @description How many items one slice holds at most.
                 * @example 50
                 */
                sliceSize?: components["parameters"]["sliceSize"];
            };
            header?: never;
            path: {
                /**
                 * @description The class offered as a trial (`trialOfferClass.id` of an entry of `getBookableTrialOfferClasses`).
                 * @example 14928
                 */
                classId: components["parameters"]["trialOfferClassId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One slice of the class's slots. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClassSlotSlicedResult"];
                };
            };
            400: components["responses"]["InvalidClassId"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClassNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    validateClassSlotForTrialOffers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClassSlotBookingRequest"];
            };
        };
        responses: {
            /** @description Whether the trial booking would succeed, and if not, why. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClassSlotBookingValidationResult"];
                };
            };
            400: components["responses"]["InvalidBookingRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClassSlotNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    bookClassSlotForTrialOffers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClassSlotBookingRequest"];
            };
        };
        responses: {
            /** @description The trial booking that was made. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClassSlotBookingResult"];
                };
            };
            400: components["responses"]["InvalidBookingRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["ClassSlotNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    confirmTrialOfferBooking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The trial booking, as returned by `bookClassSlotForTrialOffers`.
                 * @example 2058
                 */
                bookingId: components["parameters"]["trialBookingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the confirmation came in time. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingConfirmationResult"];
                };
            };
            400: components["responses"]["InvalidBookingId"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TrialBookingNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    classBookingCreated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ClassBookingEvent"];
        responses: {
            200: components["responses"]["EventReceived"];
            400: components["responses"]["EventRefused"];
            401: components["responses"]["EventKeyRefused"];
        };
    };
    classBookingUpdated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ClassBookingEvent"];
        responses: {
            200: components["responses"]["EventReceived"];
            400: components["responses"]["EventRefused"];
            401: components["responses"]["EventKeyRefused"];
        };
    };
    classBookingCancelled: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ClassBookingEvent"];
        responses: {
            200: components["responses"]["EventReceived"];
            400: components["responses"]["EventRefused"];
            401: components["responses"]["EventKeyRefused"];
        };
    };
    classSlotUpdated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ClassSlotEvent"];
        responses: {
            200: components["responses"]["EventReceived"];
            400: components["responses"]["EventRefused"];
            401: components["responses"]["EventKeyRefused"];
        };
    };
    classSlotCancelled: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ClassSlotEvent"];
        responses: {
            200: components["responses"]["EventReceived"];
            400: components["responses"]["EventRefused"];
            401: components["responses"]["EventKeyRefused"];
        };
    };
}
