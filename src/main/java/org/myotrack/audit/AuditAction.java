package org.myotrack.audit;

/** What a write did to a record. */
public enum AuditAction { CREATE, UPDATE, DELETE }
