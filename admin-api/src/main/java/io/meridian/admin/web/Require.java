package io.meridian.admin.web;

/** The checks of a request body that come before any service is called. */
final class Require {

	private Require() {
	}

	static <T> T body(T body) {
		if (body == null) {
			throw ApiException.invalid("body", "a JSON body is required");
		}
		return body;
	}

	static String text(String field, String value) {
		if (value == null || value.isEmpty()) {
			throw ApiException.invalid(field, field + " is required");
		}
		return value;
	}

	static <T> T present(String field, T value) {
		if (value == null) {
			throw ApiException.invalid(field, field + " is required");
		}
		return value;
	}

	static int limit(int limit) {
		if (limit < 1 || limit > 1000) {
			throw ApiException.invalid("limit", "limit must be between 1 and 1000, was " + limit);
		}
		return limit;
	}

}
