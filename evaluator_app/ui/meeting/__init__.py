"""Meeting mode: the negotiation of an agreement on the projector (versions, redistribution, what-if, minutes)."""
