package org.myotrack.floor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;

/** A registry site, as the registry's own table holds it: the one table of the start-up floor. */
@Entity
@Table(name = "sites")
public class Site extends PanacheEntityBase {

    @Id
    public Long id;

    @NotBlank
    @Column(nullable = false, unique = true, length = 32)
    public String code;

    @NotBlank
    @Column(nullable = false, length = 200)
    public String name;
}
