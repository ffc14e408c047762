package io.meridian.gateway.modules.roster;

/**
 * One side of a presence subscription, as RFC 6121 Appendix A counts the states: the
 * subscription plus the requests still unanswered each way, plus a pre-approval (3.4). Each
 * method is one row of the Appendix A tables: what the user's server does when the user sends
 * ("outbound") or receives ("inbound") a subscription stanza about this contact.
 *
 * @param subscription whose presence flows where
 * @param pendingOut the user asked for the contact's presence and has no answer yet (shown as {@code ask='subscribe'})
 * @param pendingIn the contact asked for the user's presence and the user has not answered
 * @param preApproved the user approved a request the contact has not made yet (shown as {@code approved='true'})
 */
public record SubscriptionState(Subscription subscription, boolean pendingOut, boolean pendingIn, boolean preApproved) {

	public static final SubscriptionState NONE = new SubscriptionState(Subscription.NONE, false, false, false);

	public SubscriptionState {
		// A request can only be pending for a direction not granted yet; a pre-approval only answers a request to come.
		if ((pendingOut && subscription.to()) || (pendingIn && subscription.from())
				|| (preApproved && (subscription.from() || pendingIn))) {
			throw new IllegalArgumentException("no such subscription state: " + subscription + ", pending out " + pendingOut
					+ ", pending in " + pendingIn + ", pre-approved " + preApproved);
		}
	}

	/** A.2.1: the user asks for the contact's presence. */
	public SubscriptionState outboundSubscribe() {
		return this.subscription.to() ? this : new SubscriptionState(this.subscription, true, this.pendingIn, this.preApproved);
	}

	/** A.2.2: the user cancels its subscription to the contact, or its request. */
	public SubscriptionState outboundUnsubscribe() {
		return new SubscriptionState(this.subscription.withTo(false), false, this.pendingIn, this.preApproved);
	}

	/** A.2.3: the user approves the contact's request; with none pending it pre-approves one (3.4). */
	public SubscriptionState outboundSubscribed() {
		if (this.pendingIn) {
			return new SubscriptionState(this.subscription.withFrom(true), this.pendingOut, false, false);
		}
		return this.subscription.from() ? this : new SubscriptionState(this.subscription, this.pendingOut, false, true);
	}

	/** A.2.4: the user refuses the contact's request, cancels its subscription, or withdraws a pre-approval. */
	public SubscriptionState outboundUnsubscribed() {
		return new SubscriptionState(this.subscription.withFrom(false), this.pendingOut, false, false);
	}

	/** A.3.1: the contact asks for the user's presence; a pre-approval grants it at once (3.4). */
	public SubscriptionState inboundSubscribe() {
		if (this.subscription.from()) {
			return this;
		}
		if (this.preApproved) {
			return new SubscriptionState(this.subscription.withFrom(true), this.pendingOut, false, false);
		}
		return new SubscriptionState(this.subscription, this.pendingOut, true, false);
	}

	/** A.3.2: the contact cancels its subscription to the user, or its request. */
	public SubscriptionState inboundUnsubscribe() {
		return new SubscriptionState(this.subscription.withFrom(false), this.pendingOut, false, this.preApproved);
	}

	/** A.3.3: the contact approves the user's request; without one pending it changes nothing. */
	public SubscriptionState inboundSubscribed() {
		return this.pendingOut ? new SubscriptionState(this.subscription.withTo(true), false, this.pendingIn, this.preApproved) : this;
	}

	/** A.3.4: the contact refuses the user's request or cancels the user's subscription. */
	public SubscriptionState inboundUnsubscribed() {
		return new SubscriptionState(this.subscription.withTo(false), false, this.pendingIn, this.preApproved);
	}

	/**
	 * Whether the user's server answers the contact's request itself with "subscribed" (3.1.3):
	 * the contact is subscribed already, or the user pre-approved it.
	 */
	public boolean approvesRequests() {
		return this.subscription.from() || this.preApproved;
	}

}
