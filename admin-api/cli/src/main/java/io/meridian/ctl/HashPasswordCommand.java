package io.meridian.ctl;

import java.util.concurrent.Callable;

import org.springframework.security.crypto.bcrypt.BCrypt;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meridianctl hash-password}: a password as admin-api's configuration stores it. Needs no admin-api. */
@Command(name = "hash-password",
		description = "Print {bcrypt}$2a$... for a password, as meridian.admin.users[n].password takes it. Needs no admin-api.")
class HashPasswordCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@ArgGroup(exclusive = false, multiplicity = "1")
	PasswordInput password;

	@Option(names = "--cost", defaultValue = "10", description = "bcrypt cost, 4 to 31; each step doubles the work of every login (default: ${DEFAULT-VALUE})")
	int cost;

	@Override
	public Integer call() {
		if (this.cost < 4 || this.cost > 31) {
			throw new CtlException(ExitCodes.USAGE, "--cost must be between 4 and 31, was " + this.cost);
		}
		Meridianctl root = (Meridianctl) this.spec.root().userObject();
		String hash = BCrypt.hashpw(this.password.read(root.stdin()), BCrypt.gensalt(this.cost));
		this.spec.commandLine().getOut().println("{bcrypt}" + hash);
		this.spec.commandLine().getOut().flush();
		return ExitCodes.OK;
	}

}
