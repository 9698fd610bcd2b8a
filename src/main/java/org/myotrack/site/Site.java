package org.myotrack.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A participating clinic; clinicians belong to one site and see only its patients. */
@Entity
@Table(name = "sites")
public class Site {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sites_seq")
    @SequenceGenerator(name = "sites_seq", sequenceName = "sites_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = 32)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Version
    public long version;

    public Site() {
    }

    public Site(String code, String name) {
        this.code = code;
        this.name = name;
    }
}
