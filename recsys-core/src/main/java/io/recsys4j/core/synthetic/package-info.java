/** The seeded synthetic e-commerce world used as default data. */
package io.recsys4j.core.synthetic;
