# TranscribeBlazor: the app on its offline engine (PocketSphinx), Amazon Transcribe when given AWS credentials.
#   docker build -t transcribeblazor . && docker run -p 8080:8080 transcribeblazor
# No Docker engine runs on our build machines: scripts/rehearse-container.sh performs the runtime
# stage's steps on Debian 12 in CI instead (docs/DEPLOY.md).

# --- build: restore in its own layer, so changing sources does not download packages again ---
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# What restore reads (blazor.web.js comes with the framework's own assets package, restored here).
COPY NuGet.config Directory.Build.props Directory.Packages.props ./
COPY src/TranscribeBlazor/TranscribeBlazor.csproj src/TranscribeBlazor/
RUN dotnet restore src/TranscribeBlazor/TranscribeBlazor.csproj
# Sources (bin/ and obj/ are in .dockerignore, so restore's obj/ survives) and the root-level wwwroot.
COPY src/ src/
COPY wwwroot/ wwwroot/
RUN dotnet publish src/TranscribeBlazor/TranscribeBlazor.csproj -c Release --no-restore -o /app

# --- runtime: ASP.NET Core on Debian 12, with Debian's PocketSphinx, its English model and ffmpeg ---
FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The same packages scripts/setup.sh installs (curl only for the HEALTHCHECK).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libpocketsphinx3 pocketsphinx-en-us ffmpeg curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# Data Protection keys (they encrypt history and settings kept in browsers): a volume, shared by every
# instance behind one load balancer. Owned by the non-root user the app runs as.
RUN mkdir -p /data/keys && chown -R "$APP_UID" /data/keys
VOLUME /data/keys
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DataProtection__KeyDirectory=/data/keys
# AWS credentials come at run time only: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN/AWS_REGION,
# or a profile mounted at /home/app/.aws with AWS_PROFILE, or the host's instance/task role.
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "TranscribeBlazor.dll"]
