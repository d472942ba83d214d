/**
 * Readers for the request bodies dialects accept besides JSON (forms, XML), shared by the
 * dialect adapters that document them. Each dialect registers one small bean per model type.
 */
package resetkit.variant.bodies;
