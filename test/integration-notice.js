// Jest globalSetup of the integration suite: says plainly which suites will not run here.
module.exports = async () => {
  if (!process.env.EVENTSTORE_CONNECTION_STRING) {
    process.stdout.write(
      '\n*** EventStoreDB contract suite DID NOT RUN: EVENTSTORE_CONNECTION_STRING is not set ' +
        '(e.g. esdb://localhost:2113?tls=false with `docker compose up eventstoredb`). ***\n\n',
    );
  }
};
