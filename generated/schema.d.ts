/**
 * GENERATED FILE: do not edit. Written by scripts/generate.ts (openapi-typescript)
 * from openapi/openapi.yaml. Change the spec, then run `npm run generate`.
 */

export interface paths {
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Names a customer and the class slot to book, or to check, for them. */
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
            args?: unknown[];
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
    };
    responses: {
        /** @description The request is malformed or a value in it is not accepted. */
        BadRequest: {
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
        /** @description An entity named in the request does not exist. */
        NotFound: {
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
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type ClassSlotBookingRequest = components['schemas']['ClassSlotBookingRequest'];
export type ClassSlotBookingResult = components['schemas']['ClassSlotBookingResult'];
export type ErrorResponse = components['schemas']['ErrorResponse'];
export type TypedArgument = components['schemas']['TypedArgument'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseForbidden = components['responses']['Forbidden'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponseConflict = components['responses']['Conflict'];
export type ResponseTooManyRequests = components['responses']['TooManyRequests'];
export type ResponseInternalServerError = components['responses']['InternalServerError'];
export type $defs = Record<string, never>;
export interface operations {
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
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
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
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
