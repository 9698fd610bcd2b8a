package org.myotrack.audit;

/** The kinds of record whose writes the audit trail keeps. */
public enum AuditedEntity { PATIENT, VISIT, THERAPY, INVESTIGATION, USER, SITE, BACKUP }
