/**
 * The environment model: sites, servers, components, connectors, proxy servers, firewalls, DNS domains and
 * INI files of the installation a check looks at, as immutable records. Reading an environment file is the
 * application's; library users build environments in code.
 *
 * @since 2.0
 */
package io.kbsh.model.env;
