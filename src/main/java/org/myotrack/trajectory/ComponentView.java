package org.myotrack.trajectory;

/** One of the six TIS measures at a visit: percent improvement (null when missing at either visit) and points. */
public record ComponentView(Double percentImprovement, double points) {
}
